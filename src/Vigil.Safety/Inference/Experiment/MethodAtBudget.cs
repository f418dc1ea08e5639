using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Search;
using Vigil.Safety.Inference.Steps;

namespace Vigil.Safety.Inference.Experiment;

/// <summary>An inference method configured for one compute budget.</summary>
public sealed record MethodAtBudget(int Budget, IInferenceMethod Method)
{
    /// <summary>
    /// The comparison: plain sampling once, then per budget b: best-of-b, weighted best-of-b, beam search of
    /// width b (2 expansions per beam), and value-guided intervention with b candidates per step.
    /// </summary>
    public static IReadOnlyList<MethodAtBudget> Standard(IStepGenerator generator, TraceScorer scorer, IReadOnlyList<int> budgets,
        StepFormat? format = null, int maxSteps = 8, AbstentionPolicy? abstention = null)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        abstention ??= AbstentionPolicy.Never;
        var methods = new List<MethodAtBudget> { new(1, new PlainSampling(generator, format)) };
        foreach (var b in budgets) methods.Add(new(b, new BestOfN(generator, scorer, b, weighted: false, format) { Abstention = abstention }));
        foreach (var b in budgets) methods.Add(new(b, new BestOfN(generator, scorer, b, weighted: true, format) { Abstention = abstention }));
        foreach (var b in budgets)
            methods.Add(new(b, new BeamSearch(generator, scorer, new BeamSearchOptions { Width = b, Expansions = 2, MaxSteps = maxSteps }, format) { Abstention = abstention }));
        foreach (var b in budgets)
            methods.Add(new(b, new ValueGuidedIntervention(generator, scorer, new ValueGuidedOptions { Candidates = b, MaxSteps = maxSteps }, format) { Abstention = abstention }));
        return methods;
    }
}
