using Vigil.Bots.Features;

namespace Vigil.Cli.Commands;

/// <summary>
/// The JSON shape of <c>vigil bots features --json</c>: block shapes, the follow graph, timings and throughput. CPU seconds
/// (all threads) sit beside wall seconds because on a shared machine the wall clock mostly measures the other processes.
/// </summary>
public sealed record BotsFeaturesDocument(
    string Name, string Directory, string Encoder, int Users, int SelectedTweets,
    int[] Numeric, int[] Categorical, int[] Description, int[] Tweets,
    IReadOnlyDictionary<string, int> FollowRelations, int Labelled, int Train, int Valid, int Test,
    bool FromCache, string? CacheFile, double ReadSeconds, double FeatureSeconds, double FeatureCpuSeconds, double UsersPerSecond, double PeakMemoryMb)
{
    public static BotsFeaturesDocument From(BotFeatureSet f, string directory, string? cacheFile, double readSeconds, double featureSeconds, double featureCpuSeconds, double peakMb)
    {
        var labels = f.Labels;
        return new BotsFeaturesDocument(f.Graph.Name, directory, f.EncoderName, f.UserCount, f.SelectedTweets,
            new[] { f.Numeric.Rows, f.Numeric.Cols }, new[] { f.Categorical.Rows, f.Categorical.Cols },
            new[] { f.Description.Rows, f.Description.Cols }, new[] { f.Tweets.Rows, f.Tweets.Cols },
            f.Graph.Relations.ToDictionary(r => r.Type.Relation, r => r.NumEdges),
            labels.Labels.Count(l => l >= 0), labels.TrainMask.Count(m => m), labels.ValMask.Count(m => m), labels.TestMask.Count(m => m),
            f.FromCache, cacheFile, readSeconds, featureSeconds, featureCpuSeconds, featureSeconds > 0 ? f.UserCount / featureSeconds : 0, peakMb);
    }
}
