using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion;

/// <summary>What a conversion produced (users, labels, splits, tweets, edges per relation) and what it left out, with why.</summary>
public sealed record ConversionSummary(
    string Format, string Source, int Users, int Humans, int Bots, int Unlabelled, int Train, int Valid, int Test, int Tweets,
    IReadOnlyDictionary<string, int> Edges, IReadOnlyDictionary<string, long> Skipped, ValidationReport Problems)
{
    public static ConversionSummary Of(BotDataset dataset, SourceFormat format, string source, SkipCounts skipped, ValidationReport problems)
    {
        var labels = dataset.Labels;
        var splits = dataset.Splits;
        int Count<T>(ReadOnlySpan<T> column, T value) where T : struct, Enum
        {
            int n = 0;
            foreach (var v in column) if (EqualityComparer<T>.Default.Equals(v, value)) n++;
            return n;
        }
        return new ConversionSummary(format.Name(), source, dataset.Users.Count,
            Count(labels, BotLabel.Human), Count(labels, BotLabel.Bot), Count(labels, BotLabel.Unknown),
            Count(splits, DataSplit.Train), Count(splits, DataSplit.Valid), Count(splits, DataSplit.Test), dataset.Tweets.Count,
            dataset.EdgeLists.ToDictionary(e => e.Relation.Name(), e => e.Count), skipped.Counts.ToDictionary(), problems);
    }
}
