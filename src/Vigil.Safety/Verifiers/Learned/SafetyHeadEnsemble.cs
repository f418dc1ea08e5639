using Vigil.Safety.Labels;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Heads trained alike from different seeds whose label probabilities are averaged. A head this small, trained on ~2k
/// items, moves a handful of borderline items with its seed; the average is steadier (cross-validation decides whether
/// it is also better). A single head is the one-member ensemble.
/// </summary>
public sealed class SafetyHeadEnsemble
{
    public IReadOnlyList<SafetyHead> Members { get; }

    public int InputWidth => Members[0].InputWidth;

    public SafetyHeadEnsemble(IReadOnlyList<SafetyHead> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("An ensemble needs at least one head.", nameof(members));
        if (members.Any(m => m is null)) throw new ArgumentException("An ensemble member is null.", nameof(members));
        if (members.Any(m => m.InputWidth != members[0].InputWidth))
            throw new ArgumentException($"Ensemble members read different input widths ({string.Join(", ", members.Select(m => m.InputWidth).Distinct())}).", nameof(members));
        Members = members.ToArray();
    }

    public static implicit operator SafetyHeadEnsemble(SafetyHead head) => new([head]);

    /// <summary>The members' mean label probabilities [rows, 6] for row-major features [rows, InputWidth].</summary>
    public double[] Predict(float[] features, int rows)
    {
        if (Members.Count == 1) return Members[0].Predict(features, rows);
        var sum = new double[rows * SafetyLabels.Count];
        foreach (var member in Members)
        {
            var p = member.Predict(features, rows);
            for (int i = 0; i < sum.Length; i++) sum[i] += p[i];
        }
        for (int i = 0; i < sum.Length; i++) sum[i] /= Members.Count;
        return sum;
    }
}
