using Vigil.Bots.Data;
using Vigil.Core.Text;
using Vigil.Graphs.Data;

namespace Vigil.Bots.Features;

/// <summary>
/// Turns a <see cref="BotDataset"/> into a <see cref="BotFeatureSet"/> with the BotRGCN recipe: numeric properties
/// (<see cref="NumericFeatures"/>), categorical ones (<see cref="CategoricalFeatures"/>), a description embedding and a
/// mean tweet embedding (<see cref="TextFeatures"/>) from the given encoder, and the follow graph. With a cache
/// directory, the blocks are read from <see cref="BotFeatureCacheFile"/> when one exists for the
/// <see cref="BotFeatureKey"/>, and written there otherwise, so the encoder runs once per dataset and settings.
/// </summary>
public static class BotFeatureExtractor
{
    public static BotFeatureSet Extract(BotDataset dataset, ITextEncoder encoder, BotFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(encoder);
        options ??= new BotFeatureOptions();
        options.Validate();
        int users = dataset.Users.Count, dim = encoder.Dimension;
        var graph = BotFeatureSet.FollowGraph(dataset);
        var selection = UserTweetSelection.Select(dataset, options.TweetsPerUser);
        long collection = options.CollectionDate is { } date ? date.ToUnixTimeSeconds() : LatestTimestamp(dataset);
        var key = BotFeatureKey.Compute(dataset, selection, encoder.Name, dim, options, collection);
        var columns = new[] { NumericFeatures.Names.Count, CategoricalFeatures.Names.Count, dim, dim };

        if (options.CacheDirectory is { } cache && BotFeatureCacheFile.TryRead(cache, key, users, columns, encoder.Name) is { } cached)
        {
            options.Progress?.Invoke($"features read from {BotFeatureCacheFile.PathFor(cache, key)}");
            return Build(cached, columns, users, graph, encoder.Name, key, fromCache: true, selection.Count);
        }
        if (selection.TweetsWithoutUser > 0) options.Progress?.Invoke($"{selection.TweetsWithoutUser:N0} tweets have no author among the users and belong to no user's feature");
        var blocks = new[]
        {
            NumericFeatures.Compute(dataset, collection, options.Normalization),
            CategoricalFeatures.Compute(dataset.Users),
            TextFeatures.Descriptions(dataset.Users, encoder, options.BatchSize, options.Progress),
            TextFeatures.MeanTweets(dataset, selection, encoder, options.BatchSize, options.Progress),
        };
        if (options.CacheDirectory is { } directory)
        {
            BotFeatureCacheFile.Write(directory, key, users, blocks, columns, encoder.Name);
            options.Progress?.Invoke($"features cached in {BotFeatureCacheFile.PathFor(directory, key)}");
        }
        return Build(blocks, columns, users, graph, encoder.Name, key, fromCache: false, selection.Count);
    }

    /// <summary>The latest account creation or tweet time in the dataset (0 when it has none): the default collection date.</summary>
    public static long LatestTimestamp(BotDataset dataset)
    {
        long latest = long.MinValue;
        foreach (long t in dataset.Users.CreatedAt) if (t != TwiBotTime.Missing) latest = Math.Max(latest, t);
        foreach (long t in dataset.Tweets.CreatedAt) if (t != TwiBotTime.Missing) latest = Math.Max(latest, t);
        return latest == long.MinValue ? 0 : latest;
    }

    private static BotFeatureSet Build(float[][] blocks, int[] columns, int users, Graphs.Data.Hetero.HeteroGraph graph, string encoderName, UInt128 key, bool fromCache, int selectedTweets) =>
        new(new FeatureMatrix(users, columns[0], blocks[0]), new FeatureMatrix(users, columns[1], blocks[1]),
            new FeatureMatrix(users, columns[2], blocks[2]), new FeatureMatrix(users, columns[3], blocks[3]), graph, encoderName, key, fromCache, selectedTweets);
}
