using Vigil.Nas.Genotypes;

namespace Vigil.Nas.Search;

/// <summary>
/// The outcome of a search: the genotype of the epoch with the best validation score (harmonic mean of MAD and
/// macro-F1), that epoch's numbers and operation weights softmax(α) [edges × operations], the last epoch's genotype
/// for comparison, and the history.
/// </summary>
public sealed record SearchResult(
    Genotype BestGenotype,
    int BestEpoch,
    double BestScore,
    double BestValidationMacroF1,
    double BestValidationMad,
    float[] BestOperationWeights,
    Genotype FinalGenotype,
    IReadOnlyList<string> Operations,
    IReadOnlyList<SearchEpochStats> History)
{
    /// <summary>Median wall time of one epoch (α step, weight step, evaluation), skipping the first when there are several.</summary>
    public double MedianEpochMilliseconds
    {
        get
        {
            var t = History.Skip(History.Count > 2 ? 1 : 0).Select(h => h.Milliseconds).OrderBy(x => x).ToArray();
            if (t.Length == 0) return double.NaN;
            return t.Length % 2 == 1 ? t[t.Length / 2] : (t[t.Length / 2 - 1] + t[t.Length / 2]) / 2;
        }
    }
}
