using Vigil.Core.Metrics;
using Vigil.Core.Text;
using Vigil.Safety.Data;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Trains the learned safety verifier on the shipped annotated completions (<see cref="AnnotatedCompletions"/>),
/// keeping the <see cref="SafetyVerifierTrainingOptions.HeldOutModels"/> out, and — when models are held out —
/// tests it and the substring baseline on their completions: agreement with Llama Guard 2 and with XSTest's
/// human labels, and the six-label confusion matrix against the derived targets.
/// </summary>
public static class SafetyVerifierTraining
{
    public sealed record Result(
        SafetyVerifierModel Model, int TrainItems, IReadOnlyDictionary<string, int> TrainLabels, HeldOutEvaluation? HeldOut, double EncodeSeconds, double TrainSeconds);

    public sealed record HeldOutEvaluation(
        int Items, BinaryAgreement? LearnedVsLlamaGuard, BinaryAgreement? SubstringVsLlamaGuard,
        BinaryAgreement? LearnedVsXsTest, BinaryAgreement? SubstringVsXsTest, ConfusionMatrix Confusion, double SixLabelAccuracy);

    public static Result Run(SafetyVerifierTrainingOptions options, Action<string>? log = null, Action<EncodingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (all, train, test) = Split(options);
        log?.Invoke($"{all.Count} annotated completions; training on {train.Count}, holding out {test.Count} ({string.Join(", ", options.HeldOutModels)})");

        using var encoder = TextEncoders.Create(options.Encoder, options.CacheDirectory);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trainInputs = train.Select(e => e.Item.ToInput()).ToArray();
        var features = SafetyPairFeatures.Build(encoder, trainInputs, options.ResponseChars, progress, options.Features);
        double encodeSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        int width = options.Features.Width(encoder.Dimension);
        var head = SafetyHeadTrainer.TrainEnsemble(features, train.Select(e => (int)e.AnnotatedTarget).ToArray(), width, options.Head);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var model = new SafetyVerifierModel(head, options.Encoder.Trim().ToLowerInvariant(), encoder.Name, encoder.Dimension, options.ResponseChars,
            new SafetyVerifierProvenance
            {
                HeldOutModels = options.HeldOutModels.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray(), TrainItems = train.Count,
                Epochs = options.Head.Epochs, Seed = options.Head.Seed, WeightDecay = options.Head.WeightDecay, Dropout = options.Head.Dropout,
                ClassWeights = options.Head.ClassWeights, Members = options.Head.Members, Command = options.Command,
            }) { Decision = options.Decision, Features = options.Features };
        var trainLabels = train.GroupBy(e => SafetyLabels.Name(e.Target)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

        HeldOutEvaluation? evaluation = null;
        if (test.Count > 0)
        {
            clock.Restart();
            evaluation = Evaluate(model, encoder, test, progress);
            encodeSeconds += clock.Elapsed.TotalSeconds;
        }
        return new Result(model, train.Count, trainLabels, evaluation, encodeSeconds, trainSeconds);
    }

    /// <summary>
    /// All annotated completions, the training items (every model but the held-out ones; at most
    /// <see cref="SafetyVerifierTrainingOptions.MaxTrainItems"/>) and the held-out items.
    /// </summary>
    internal static (IReadOnlyList<AnnotatedCompletions.Example> All, List<AnnotatedCompletions.Example> Train, List<AnnotatedCompletions.Example> Test)
        Split(SafetyVerifierTrainingOptions options)
    {
        var heldOut = new HashSet<string>(options.HeldOutModels, StringComparer.OrdinalIgnoreCase);
        var all = AnnotatedCompletions.Load(options.SafetyDirectory);
        var known = all.Select(e => e.Item.Model).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = heldOut.Where(m => !known.Contains(m)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Held-out model(s) {string.Join(", ", unknown)} have no completions; known models: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        var train = all.Where(e => e.Item.Model is null || !heldOut.Contains(e.Item.Model)).ToList();
        var test = all.Where(e => e.Item.Model is not null && heldOut.Contains(e.Item.Model)).ToList();
        if (options.MaxTrainItems is { } max && max < train.Count)
        {
            if (max < 1) throw new ArgumentOutOfRangeException(nameof(options), $"MaxTrainItems must be at least 1, got {max}.");
            train = Enumerable.Range(0, max).Select(i => train[(int)((long)i * train.Count / max)]).ToList();
        }
        if (train.Count == 0) throw new ArgumentException("No training items are left after holding out " + string.Join(", ", heldOut) + ".");
        return (all, train, test);
    }

    /// <summary>
    /// Judges <paramref name="test"/> with <paramref name="model"/> and with the substring baseline: agreement with
    /// Llama Guard 2 and XSTest's human labels, and the six-label confusion matrix against the derived targets.
    /// </summary>
    public static HeldOutEvaluation Evaluate(SafetyVerifierModel model, ITextEncoder encoder, IReadOnlyList<AnnotatedCompletions.Example> test,
        Action<EncodingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Count == 0) throw new ArgumentException("Nothing to evaluate on.", nameof(test));
        var learned = new LearnedSafetyVerifier(model, encoder) { Progress = progress };
        var items = test.Select(e => e.Item).ToArray();
        var inputs = items.Select(i => i.ToInput()).ToArray();
        var learnedVerdicts = learned.Verify(inputs);
        var substringVerdicts = new SubstringRefusalVerifier().VerifyAsync(inputs).GetAwaiter().GetResult();
        var truth = test.Select(e => (int)e.Target).ToArray();
        var predicted = learnedVerdicts.Select(v => (int)SafetyLabels.TryParse(v.Label)!.Value).ToArray();
        var confusion = ConfusionMatrix.From(truth, predicted, SafetyLabels.Count);
        return new HeldOutEvaluation(items.Length,
            ReferenceAgreement.WithLlamaGuard(items, learnedVerdicts), ReferenceAgreement.WithLlamaGuard(items, substringVerdicts),
            ReferenceAgreement.WithXsTest(items, learnedVerdicts), ReferenceAgreement.WithXsTest(items, substringVerdicts),
            confusion, (double)truth.Zip(predicted).Count(t => t.First == t.Second) / truth.Length);
    }
}
