using Vigil.Bots.Data;

namespace Vigil.Bots.Features;

/// <summary>
/// BotRGCN's numeric properties, z-scored: followers_count, following_count, tweet_count, active days up to the
/// collection date, and the username (screen name) length BotRGCN uses as "name length". Mean and standard
/// deviation come from the users of the <see cref="NormalizationScope"/> (never from labels); a missing value gets
/// the mean (a z-score of 0); a constant column is all zeros.
/// </summary>
public static class NumericFeatures
{
    public static IReadOnlyList<string> Names { get; } = new[] { "followers_count", "following_count", "tweet_count", "active_days", "username_length" };

    /// <summary>Row-major [users, 5] z-scores.</summary>
    public static float[] Compute(BotDataset dataset, long collectionSeconds, NormalizationScope scope)
    {
        var users = dataset.Users;
        int n = users.Count, k = Names.Count;
        var raw = new double[(long)n * k];
        for (int u = 0; u < n; u++)
        {
            var row = raw.AsSpan(u * k, k);
            row[0] = Count(users.FollowersCount[u]);
            row[1] = Count(users.FollowingCount[u]);
            row[2] = Count(users.TweetCount[u]);
            row[3] = users.CreatedAt[u] == TwiBotTime.Missing ? double.NaN : (collectionSeconds - users.CreatedAt[u]) / 86400.0;
            row[4] = users.Username.IsNull(u) ? double.NaN : users.Username.GetString(u)!.Length;
        }
        var inScope = new bool[n];
        var splits = dataset.Splits;
        for (int u = 0; u < n; u++) inScope[u] = scope == NormalizationScope.AllUsers || splits[u] == DataSplit.Train;
        var result = new float[(long)n * k];
        for (int c = 0; c < k; c++)
        {
            double sum = 0, sumSquares = 0;
            long count = 0;
            for (int u = 0; u < n; u++)
            {
                double v = raw[u * k + c];
                if (!inScope[u] || double.IsNaN(v)) continue;
                sum += v;
                count++;
            }
            double mean = count > 0 ? sum / count : 0;
            for (int u = 0; u < n; u++)
            {
                double v = raw[u * k + c];
                if (!inScope[u] || double.IsNaN(v)) continue;
                sumSquares += (v - mean) * (v - mean);
            }
            // Population standard deviation, as pandas' (x - mean) / std would give with ddof=0.
            double std = count > 0 ? Math.Sqrt(sumSquares / count) : 0;
            for (int u = 0; u < n; u++)
            {
                double v = raw[u * k + c];
                result[u * k + c] = double.IsNaN(v) || std == 0 ? 0f : (float)((v - mean) / std);
            }
        }
        return result;
    }

    private static double Count(int value) => value == UserTable.MissingCount ? double.NaN : value;
}
