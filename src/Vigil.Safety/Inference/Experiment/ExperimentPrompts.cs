using Vigil.Safety.Data;
using Vigil.Safety.Demo;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Experiment;

/// <summary>
/// The prompt sets of the inference experiment (set names as in <see cref="SafetyEvaluationSet"/>): held-out harmful
/// and harmless instructions (refusal-direction <c>splits/harmful_test.json</c>, <c>harmless_test.json</c>) and
/// XSTest's safe prompts, on which any refusal is an over-refusal.
/// </summary>
public static class ExperimentPrompts
{
    public const string Harmful = SafetyEvaluationSet.Harmful;
    public const string Harmless = SafetyEvaluationSet.Harmless;
    public const string XsTestSafe = SafetyEvaluationSet.XsTestSafe;

    /// <summary>The first <paramref name="perSet"/> prompts of each set from the data folder (<c>safety/</c> under it).</summary>
    public static IReadOnlyList<ExperimentPrompt> Load(string dataRoot, int perSet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSet, 1);
        var splits = Path.Combine(dataRoot, "safety", "refusal-direction", "splits");
        var xsTest = XsTestPromptFile.Read(Path.Combine(dataRoot, "safety", "xstest", "xstest_prompts.csv"));
        return InstructionSplitFile.Read(Path.Combine(splits, "harmful_test.json")).Take(perSet).Select(p => new ExperimentPrompt(Harmful, p, PromptKind.Unsafe))
            .Concat(InstructionSplitFile.Read(Path.Combine(splits, "harmless_test.json")).Take(perSet).Select(p => new ExperimentPrompt(Harmless, p, PromptKind.Safe)))
            .Concat(xsTest.Where(p => p.Kind == PromptKind.Safe).Take(perSet).Select(p => new ExperimentPrompt(XsTestSafe, p.Text, PromptKind.Safe)))
            .ToArray();
    }

    /// <summary>The prompts of evaluation sets built elsewhere (e.g. the demo's held-out sets).</summary>
    public static IReadOnlyList<ExperimentPrompt> From(IEnumerable<SafetyEvaluationSet> sets) =>
        sets.SelectMany(s => s.Prompts.Select(p => new ExperimentPrompt(s.Name, p, s.Kind))).ToArray();
}
