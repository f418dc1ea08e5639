using Vigil.Bots.Data;
using Vigil.Graphs.Data;

namespace Vigil.Bots.Conversion;

/// <summary>
/// A stratified train/valid/test split: within each label, users are shuffled with <see cref="SeededRandom"/> (a
/// stream fixed by the seed alone) and the first round(train·n) go to train, the next round(valid·n) to valid, the
/// rest to test, so each split keeps the label balance. Unlabelled users get no split.
/// </summary>
public static class StratifiedSplit
{
    public static void Assign(BotDataset dataset, long seed, double trainFraction, double validFraction)
    {
        if (!(trainFraction >= 0 && validFraction >= 0 && trainFraction + validFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), $"Train and valid fractions must be non-negative and sum to at most 1, got {trainFraction} and {validFraction}.");
        var rng = new SeededRandom(seed);
        var labels = dataset.Labels;
        foreach (var label in new[] { BotLabel.Human, BotLabel.Bot })
        {
            var members = new List<int>();
            for (int row = 0; row < labels.Length; row++) if (labels[row] == label) members.Add(row);
            var rows = members.ToArray();
            rng.Shuffle(rows.AsSpan());
            int train = (int)Math.Round(trainFraction * rows.Length, MidpointRounding.AwayFromZero);
            int valid = Math.Min(rows.Length - train, (int)Math.Round(validFraction * rows.Length, MidpointRounding.AwayFromZero));
            for (int k = 0; k < rows.Length; k++)
                dataset.SetSplit(rows[k], k < train ? DataSplit.Train : k < train + valid ? DataSplit.Valid : DataSplit.Test);
        }
    }
}
