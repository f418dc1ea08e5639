namespace Vigil.Safety.Verifiers.Learned;

/// <summary>One head configuration (and the features it reads) that cross-validation compares, with a short name for tables.</summary>
public sealed record SafetyHeadCandidate(string Name, SafetyHeadTrainingOptions Head)
{
    public SafetyFeatureSet Features { get; init; } = SafetyFeatureSet.Base;

    /// <summary>
    /// For each feature set, <paramref name="baseline"/> (named by the set) and — with <paramref name="variations"/> —
    /// its <see cref="AroundBaseline"/> variations, named "set: variation"; each of those once per ensemble size in
    /// <paramref name="members"/> (default: the baseline's), named with a "×k" suffix for k &gt; 1.
    /// </summary>
    public static IReadOnlyList<SafetyHeadCandidate> Across(IReadOnlyList<SafetyFeatureSet> sets, SafetyHeadTrainingOptions baseline, bool variations,
        IReadOnlyList<int>? members = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0) throw new ArgumentException("Give at least one feature set.", nameof(sets));
        members ??= [baseline.Members];
        if (members.Count == 0 || members.Any(m => m < 1)) throw new ArgumentException($"Ensemble sizes must be at least 1, got [{string.Join(", ", members)}].", nameof(members));
        var heads = variations ? AroundBaseline(baseline) : new[] { new SafetyHeadCandidate("baseline", baseline) };
        return sets.Distinct().SelectMany(set => heads.SelectMany(h => members.Distinct().Select(m => h with
        {
            Name = (set == SafetyFeatureSet.Base ? h.Name : $"{set.Name}: {h.Name}") + (m > 1 ? $" ×{m}" : ""),
            Head = h.Head with { Members = m },
            Features = set,
        }))).ToArray();
    }

    /// <summary>
    /// <paramref name="baseline"/> and its one-at-a-time variations: half and double the hidden width, half and
    /// double the epochs, ten times the weight decay (0.01 from none), more (or, from 0.5 up, less) dropout, class weights toggled.
    /// </summary>
    public static IReadOnlyList<SafetyHeadCandidate> AroundBaseline(SafetyHeadTrainingOptions baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        double dropout = baseline.Dropout >= 0.5 ? baseline.Dropout / 2 : 0.5;
        double decay = baseline.WeightDecay > 0 ? baseline.WeightDecay * 10 : 1e-2;
        return new[]
        {
            new SafetyHeadCandidate("baseline", baseline),
            new SafetyHeadCandidate($"hidden {Math.Max(1, baseline.Hidden / 2)}", baseline with { Hidden = Math.Max(1, baseline.Hidden / 2) }),
            new SafetyHeadCandidate($"hidden {baseline.Hidden * 2}", baseline with { Hidden = baseline.Hidden * 2 }),
            new SafetyHeadCandidate($"epochs {Math.Max(1, baseline.Epochs / 2)}", baseline with { Epochs = Math.Max(1, baseline.Epochs / 2) }),
            new SafetyHeadCandidate($"epochs {baseline.Epochs * 2}", baseline with { Epochs = baseline.Epochs * 2 }),
            new SafetyHeadCandidate($"weight decay {decay:G3}", baseline with { WeightDecay = decay }),
            new SafetyHeadCandidate($"dropout {dropout:G3}", baseline with { Dropout = dropout }),
            new SafetyHeadCandidate(baseline.ClassWeights ? "no class weights" : "class weights", baseline with { ClassWeights = !baseline.ClassWeights }),
        };
    }

    public string Describe() =>
        $"features {Features.Name}, hidden {Head.Hidden}, epochs {Head.Epochs}, weight decay {Head.WeightDecay:G3}, dropout {Head.Dropout:G3}, class weights {(Head.ClassWeights ? "1/√freq" : "none")}"
        + (Head.Members > 1 ? $", {Head.Members}-head seed ensemble" : "");
}
