using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Vigil.Bots.Data;

namespace Vigil.Bots.Features;

/// <summary>
/// The cache key of a feature set: a 128-bit XxHash of everything the features are computed from — the recipe
/// version, the encoder's name and dimension, the settings, and the dataset's content as the recipe reads it (each
/// user's id, counts, creation time, flags, username, description and split, and the texts of the selected tweets).
/// Any change to those gives a new key; changes the features cannot see (another tweet's likes, a label) do not.
/// </summary>
public static class BotFeatureKey
{
    /// <summary>Bumped whenever the recipe changes, so old cache files are never read as new.</summary>
    public const string RecipeVersion = "botrgcn-features-v1";

    public static UInt128 Compute(BotDataset dataset, UserTweetSelection selection, string encoderName, int encoderDimension,
        BotFeatureOptions options, long collectionSeconds)
    {
        var hash = new XxHash128();
        AppendText(hash, RecipeVersion);
        AppendText(hash, encoderName);
        AppendLong(hash, encoderDimension);
        AppendLong(hash, options.TweetsPerUser);
        AppendLong(hash, (long)options.Normalization);
        AppendLong(hash, collectionSeconds);
        var users = dataset.Users;
        var splits = dataset.Splits;
        var tweets = dataset.Tweets;
        AppendLong(hash, users.Count);
        for (int u = 0; u < users.Count; u++)
        {
            AppendLong(hash, users.Ids[u]);
            AppendLong(hash, users.FollowersCount[u]);
            AppendLong(hash, users.FollowingCount[u]);
            AppendLong(hash, users.TweetCount[u]);
            AppendLong(hash, users.CreatedAt[u]);
            AppendLong(hash, (users.Protected[u] ? 1L : 0L) + (users.Verified[u] ? 2L : 0L) + (users.HasDefaultProfileImage(u) ? 4L : 0L) + 256L * (byte)splits[u]);
            AppendUtf8(hash, users.Username, u);
            AppendUtf8(hash, users.Description, u);
            var chosen = selection.Of(u);
            AppendLong(hash, chosen.Length);
            if (tweets.HasText) foreach (int t in chosen) AppendUtf8(hash, tweets.Text, t);
        }
        return hash.GetCurrentHashAsUInt128();
    }

    private static void AppendLong(XxHash128 hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.Append(bytes);
    }

    private static void AppendText(XxHash128 hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendLong(hash, bytes.Length);
        hash.Append(bytes);
    }

    // Length-prefixed (−1 for null) so that adjacent texts cannot run into one another.
    private static void AppendUtf8(XxHash128 hash, Data.Columns.Utf8TextColumn column, int row)
    {
        var bytes = column.GetUtf8(row);
        AppendLong(hash, column.IsNull(row) ? -1 : bytes.Length);
        hash.Append(bytes);
    }
}
