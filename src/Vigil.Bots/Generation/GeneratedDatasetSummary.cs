using Vigil.Bots.Data;

namespace Vigil.Bots.Generation;

/// <summary>What <see cref="BotDatasetGenerator.WriteTo"/> wrote: entity counts, bots, edges per relation, bytes on disk.</summary>
public sealed record GeneratedDatasetSummary(
    string Directory, int Users, int Bots, long Tweets, int Lists, int Hashtags, long Edges,
    IReadOnlyDictionary<string, int> Relations, long Bytes)
{
    internal static GeneratedDatasetSummary From(BotDataset dataset, long tweets, string directory)
    {
        int bots = 0;
        foreach (var label in dataset.Labels) if (label == BotLabel.Bot) bots++;
        var relations = dataset.EdgeLists.ToDictionary(e => e.Relation.Name(), e => e.Count);
        long bytes = new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
        return new GeneratedDatasetSummary(directory, dataset.Users.Count, bots, tweets, dataset.Lists.Count, dataset.Hashtags.Count,
            dataset.EdgeCount, relations, bytes);
    }
}
