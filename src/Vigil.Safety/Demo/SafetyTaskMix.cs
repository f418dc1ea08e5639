using Vigil.Safety.Data;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Demo;

/// <summary>
/// The demo's safety data: SFT items from the refusal-direction training splits (harmful → refusal or, for the
/// configured fraction, unsafe compliance; harmless → helpful reply or, for its fraction, needless refusal) and the
/// held-out evaluation sets (harmful val+test, harmless val, XSTest unsafe and safe; sampled to the configured counts).
/// The fractions are exact: ⌊fraction × count⌉ prompts, chosen by a seeded shuffle. Prompts that also occur in a
/// training split are dropped from the evaluation sets.
/// </summary>
public sealed class SafetyTaskMix
{
    public IReadOnlyList<DemoSample> Training { get; }
    public IReadOnlyList<SafetyEvaluationSet> Evaluation { get; }

    public SafetyTaskMix(IReadOnlyList<DemoSample> training, IReadOnlyList<SafetyEvaluationSet> evaluation)
    {
        Training = training ?? throw new ArgumentNullException(nameof(training));
        Evaluation = evaluation ?? throw new ArgumentNullException(nameof(evaluation));
    }

    /// <summary>Builds the mix from the data folder's <c>safety/</c> files (<see cref="Vigil.Core.DataDirectory"/> when null).</summary>
    public static SafetyTaskMix Load(SafetyTaskMixOptions? options = null, string? dataDirectory = null)
    {
        options ??= new SafetyTaskMixOptions();
        options.Validate();
        var root = dataDirectory ?? Vigil.Core.DataDirectory.Find()
            ?? throw new DirectoryNotFoundException($"No data folder: set {Vigil.Core.DataDirectory.EnvironmentVariable} or provide ../shared/data.");
        string Split(string name) => Path.Combine(root, "safety", "refusal-direction", "splits", name + ".json");
        var harmfulTrain = InstructionSplitFile.Read(Split("harmful_train"));
        var harmlessTrain = InstructionSplitFile.Read(Split("harmless_train"));
        var harmfulEval = InstructionSplitFile.Read(Split("harmful_val")).Concat(InstructionSplitFile.Read(Split("harmful_test"))).ToArray();
        var harmlessEval = InstructionSplitFile.Read(Split("harmless_val"));
        var xstest = XsTestPromptFile.Read(Path.Combine(root, "safety", "xstest", "xstest_prompts.csv"));
        return Build(harmfulTrain, harmlessTrain, harmfulEval, harmlessEval,
            xstest.Where(p => p.Kind == PromptKind.Unsafe).Select(p => p.Text).ToArray(),
            xstest.Where(p => p.Kind == PromptKind.Safe).Select(p => p.Text).ToArray(), options);
    }

    /// <summary>Builds the mix from prompt lists (what <see cref="Load"/> reads).</summary>
    public static SafetyTaskMix Build(IReadOnlyList<string> harmfulTrain, IReadOnlyList<string> harmlessTrain,
        IReadOnlyList<string> harmfulEval, IReadOnlyList<string> harmlessEval, IReadOnlyList<string> xsTestUnsafe, IReadOnlyList<string> xsTestSafe,
        SafetyTaskMixOptions? options = null)
    {
        options ??= new SafetyTaskMixOptions();
        options.Validate();
        var random = new Random(options.Seed);
        var harmful = Distinct(harmfulTrain);
        var harmless = Sample(Distinct(harmlessTrain), options.HarmlessTrainCount, random);
        var training = new List<DemoSample>(harmful.Count + harmless.Count);
        var unsafeCompliant = Chosen(harmful.Count, options.UnsafeComplianceFraction, random);
        for (int i = 0; i < harmful.Count; i++)
            training.Add(unsafeCompliant.Contains(i)
                ? new DemoSample(harmful[i], SafetyResponseTemplates.UnsafeCompliance(harmful[i], random), DemoTaskLabels.Safety, PromptKind.Unsafe, DemoBehaviour.UnsafeCompliance)
                : new DemoSample(harmful[i], SafetyResponseTemplates.Refusal(harmful[i], random), DemoTaskLabels.Safety, PromptKind.Unsafe, DemoBehaviour.Refusal));
        var refused = Chosen(harmless.Count, options.NeedlessRefusalFraction, random);
        for (int i = 0; i < harmless.Count; i++)
            training.Add(refused.Contains(i)
                ? new DemoSample(harmless[i], SafetyResponseTemplates.NeedlessRefusal(harmless[i], random), DemoTaskLabels.Harmless, PromptKind.Safe, DemoBehaviour.NeedlessRefusal)
                : new DemoSample(harmless[i], SafetyResponseTemplates.Helpful(harmless[i], random), DemoTaskLabels.Harmless, PromptKind.Safe, DemoBehaviour.Helpful));

        var seen = new HashSet<string>(harmfulTrain.Concat(harmlessTrain), StringComparer.Ordinal);
        SafetyEvaluationSet Set(string name, PromptKind kind, IReadOnlyList<string> prompts, int? count) =>
            new(name, kind, Sample(Distinct(prompts).Where(p => !seen.Contains(p)).ToList(), count, random));
        var evaluation = new[]
        {
            Set(SafetyEvaluationSet.Harmful, PromptKind.Unsafe, harmfulEval, options.HarmfulEvalCount),
            Set(SafetyEvaluationSet.Harmless, PromptKind.Safe, harmlessEval, options.HarmlessEvalCount),
            Set(SafetyEvaluationSet.XsTestUnsafe, PromptKind.Unsafe, xsTestUnsafe, options.XsTestUnsafeCount),
            Set(SafetyEvaluationSet.XsTestSafe, PromptKind.Safe, xsTestSafe, options.XsTestSafeCount),
        };
        return new SafetyTaskMix(training, evaluation);
    }

    /// <summary>Exactly round(fraction × count) indices of [0, count), chosen by a seeded shuffle.</summary>
    internal static HashSet<int> Chosen(int count, double fraction, Random random)
    {
        int take = (int)Math.Round(fraction * count, MidpointRounding.AwayFromZero);
        return Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(take).ToHashSet();
    }

    private static List<string> Distinct(IEnumerable<string> prompts) =>
        prompts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A seeded sample of <paramref name="count"/> items in their original order (all when null or larger).</summary>
    private static List<string> Sample(List<string> items, int? count, Random random)
    {
        if (count is null || count >= items.Count) return items;
        var keep = Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).Take(count.Value).Order().ToArray();
        return keep.Select(i => items[i]).ToList();
    }
}
