using Vigil.Nas.Genotypes;
using Vigil.Nas.Training;

namespace Vigil.Nas.Sweeps;

/// <summary>What a depth sweep trains: depths, seeds, models (keys of <see cref="DepthSweepModel.All"/>), the genotype and its retraining.</summary>
public sealed record DepthSweepOptions
{
    public IReadOnlyList<int> Depths { get; init; } = [2, 4, 8, 16, 32];
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2];
    public IReadOnlyList<string> Models { get; init; } = DepthSweepModel.Keys;
    /// <summary>The searched cell, needed when <see cref="Models"/> includes <see cref="DepthSweepModel.GraTo"/>.</summary>
    public Genotype? Genotype { get; init; }
    /// <summary>Retraining of the genotype; its block count is replaced by each depth.</summary>
    public GenotypeTrainingOptions Training { get; init; } = new();
    /// <summary>Caps every model's epochs (null: each recipe's own budget).</summary>
    public int? MaxEpochs { get; init; }

    internal void Validate()
    {
        if (Depths.Count == 0 || Depths.Any(d => d < 1)) throw new ArgumentException($"Depths must be positive, got [{string.Join(", ", Depths)}].");
        if (Seeds.Count == 0) throw new ArgumentException("A depth sweep needs at least one seed.");
        if (Models.Count == 0) throw new ArgumentException("A depth sweep needs at least one model.");
        foreach (var m in Models) DepthSweepModel.Find(m);
        if (Models.Contains(DepthSweepModel.GraTo) && Genotype is null)
            throw new ArgumentException("The depth sweep includes the searched model but has no genotype.");
        if (MaxEpochs is < 1) throw new ArgumentException($"The epoch cap must be at least 1, got {MaxEpochs}.");
    }
}
