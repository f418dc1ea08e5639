using Vigil.Safety.Rewards;

namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// The safe-and-efficient stage's length reward: shorter reasoning earns more, but only among the answers of a group
/// that are already correct / safe, so brevity never pays for a wrong or unsafe answer. A sample passes when the mean
/// score of its recipe's principle verifiers (format and rule terms excluded) is at least <see cref="Gate"/>. Among
/// the passing samples of a group with lengths in [min, max], the bonus is
/// <see cref="Weight"/> × (0.5 − (len − min)/(max − min)) (Kimi k1.5's length reward), 0 when all have one length;
/// failing samples get 0.
/// </summary>
public sealed record LengthEfficiencyReward(double Weight, double Gate = 0.5)
{
    public void Validate(string source = "length reward")
    {
        if (!(Weight >= 0) || !double.IsFinite(Weight)) throw new ArgumentOutOfRangeException(nameof(Weight), $"{source}: weight must be a finite number ≥ 0, got {Weight}.");
        if (!(Gate >= 0 && Gate <= 1)) throw new ArgumentOutOfRangeException(nameof(Gate), $"{source}: gate must lie in [0, 1], got {Gate}.");
    }

    /// <summary>Whether a scored sample is correct / safe enough to be rewarded for brevity.</summary>
    public bool Passes(RewardBreakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var principles = breakdown.Parts.Where(p => p.Kind == RewardTermKind.Verifier).ToArray();
        if (principles.Length == 0) return false;
        double weight = principles.Sum(p => p.Weight);
        double score = weight > 0 ? principles.Sum(p => p.Contribution) / weight : principles.Average(p => p.Verdict.Score);
        return score >= Gate;
    }

    /// <summary>The bonuses of one group, in order.</summary>
    public double[] ForGroup(IReadOnlyList<int> lengths, IReadOnlyList<bool> passes)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(passes);
        if (lengths.Count != passes.Count) throw new ArgumentException($"{lengths.Count} lengths but {passes.Count} pass flags.");
        var bonus = new double[lengths.Count];
        var passing = Enumerable.Range(0, lengths.Count).Where(i => passes[i]).ToArray();
        if (passing.Length == 0) return bonus;
        int min = passing.Min(i => lengths[i]), max = passing.Max(i => lengths[i]);
        if (max == min) return bonus;
        foreach (int i in passing) bonus[i] = Weight * (0.5 - (double)(lengths[i] - min) / (max - min));
        return bonus;
    }
}
