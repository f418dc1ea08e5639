using Vigil.Core.Text;
using Vigil.Safety.Data;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Honest model selection for the learned safety verifier: leave-one-model-out cross-validation over the training
/// models only. Each candidate head is trained once per fold (all training models but one) and predicts the left-out
/// model's completions; the pooled out-of-fold predictions, under each decision rule of a threshold grid, are
/// compared with Llama Guard 2 (harmful-prompt responses) and XSTest's human labels (compliance vs refusal). The
/// score is the mean of the two pooled agreement rates. The best (head, rule) is then trained on every training model
/// and tested once on the held-out models, which the selection never sees.
/// </summary>
public static class SafetyVerifierSelection
{
    /// <summary>A (head, rule) pair's pooled out-of-fold agreement, and per left-out model.</summary>
    public sealed record Score(
        SafetyHeadCandidate Candidate, SafetyDecisionRule Rule, BinaryAgreement? LlamaGuard, BinaryAgreement? XsTest, double Mean,
        IReadOnlyList<FoldScore> Folds);

    public sealed record FoldScore(string Model, int Items, BinaryAgreement? LlamaGuard, BinaryAgreement? XsTest);

    /// <summary>
    /// The cross-validation over the training models: <see cref="Table"/> per candidate its most-probable rule and its
    /// best threshold rule, in candidate order; <see cref="Selected"/> the best of them (earliest on ties).
    /// </summary>
    public sealed record CrossValidation(IReadOnlyList<string> FoldModels, IReadOnlyList<Score> Table, Score Selected, double Seconds);

    /// <summary>
    /// The cross-validation and <see cref="Final"/>: the selected settings trained on all training models and, when
    /// models are held out, tested on them.
    /// </summary>
    public sealed record Result(IReadOnlyList<string> FoldModels, IReadOnlyList<Score> Table, Score Selected, SafetyVerifierTraining.Result Final, double CrossValidationSeconds);

    /// <summary>The default threshold grid: 0.10, 0.15, …, 0.90.</summary>
    public static IReadOnlyList<double> DefaultThresholds { get; } = Enumerable.Range(2, 17).Select(i => Math.Round(i * 0.05, 2)).ToArray();

    public static Result Run(SafetyVerifierTrainingOptions training, IReadOnlyList<SafetyHeadCandidate> candidates, IReadOnlyList<double>? thresholds = null,
        Action<string>? log = null, Action<EncodingProgress>? progress = null)
    {
        var cv = CrossValidateTraining(training, candidates, thresholds, log, progress);
        var selected = cv.Selected;
        var final = SafetyVerifierTraining.Run(training with { Head = selected.Candidate.Head, Features = selected.Candidate.Features, Decision = selected.Rule }, log, progress);
        return new Result(cv.FoldModels, cv.Table, selected, final, cv.Seconds);
    }

    /// <summary>
    /// Leave-one-model-out cross-validation of <paramref name="candidates"/> over the training models of
    /// <paramref name="training"/> (its held-out models are never read): features are built once per feature set.
    /// </summary>
    public static CrossValidation CrossValidateTraining(SafetyVerifierTrainingOptions training, IReadOnlyList<SafetyHeadCandidate> candidates,
        IReadOnlyList<double>? thresholds = null, Action<string>? log = null, Action<EncodingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(candidates);
        var (_, train, _) = SafetyVerifierTraining.Split(training);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = new List<Score>();
        using (var encoder = TextEncoders.Create(training.Encoder, training.CacheDirectory))
        {
            var inputs = train.Select(e => e.Item.ToInput()).ToArray();
            foreach (var group in candidates.GroupBy(c => c.Features))
            {
                log?.Invoke($"feature set {group.Key.Name}: {group.Key.Width(encoder.Dimension)} features");
                var features = SafetyPairFeatures.Build(encoder, inputs, training.ResponseChars, progress, group.Key);
                table.AddRange(CrossValidate(features, group.Key.Width(encoder.Dimension), train, group.ToArray(), thresholds ?? DefaultThresholds, log));
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var selected = Best(table);
        log?.Invoke($"selected: {selected.Candidate.Name} ({selected.Candidate.Describe()}), {selected.Rule}; cross-validated score {selected.Mean:P1}");
        var folds = train.Select(e => e.Item.Model).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        return new CrossValidation(folds, table, selected, seconds);
    }

    /// <summary>The highest mean score; the earliest row wins ties, so simpler settings listed first are preferred.</summary>
    public static Score Best(IReadOnlyList<Score> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0) throw new ArgumentException("No cross-validation results to choose from.", nameof(table));
        var best = table[0];
        foreach (var row in table) if (row.Mean > best.Mean) best = row;
        return best;
    }

    /// <summary>
    /// Leave-one-model-out cross-validation of each candidate over <paramref name="items"/> (row-major
    /// <paramref name="features"/> [items, width]); items without a model are always trained on. For each candidate
    /// the table holds two rows: the most-probable rule, and the best rule of the <paramref name="thresholds"/> grid
    /// (unsafe threshold × refusal threshold, each also "none").
    /// </summary>
    public static IReadOnlyList<Score> CrossValidate(float[] features, int width, IReadOnlyList<AnnotatedCompletions.Example> items,
        IReadOnlyList<SafetyHeadCandidate> candidates, IReadOnlyList<double> thresholds, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (candidates.Count == 0) throw new ArgumentException("Give at least one candidate head.", nameof(candidates));
        if (features.Length != (long)items.Count * width) throw new ArgumentException($"Expected {items.Count} × {width} features, got {features.Length} values.", nameof(features));
        var models = items.Select(e => e.Item.Model).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        if (models.Length < 2) throw new ArgumentException($"Leave-one-model-out cross-validation needs at least two training models, got {models.Length}.", nameof(items));
        var rules = RuleGrid(thresholds);
        var degenerate = items.Select(e => DegenerateText.Diagnose(e.Item.Response) is not null).ToArray();
        var fold = items.Select(e => e.Item.Model is { } m ? Array.FindIndex(models, x => string.Equals(x, m, StringComparison.OrdinalIgnoreCase)) : -1).ToArray();
        var targets = items.Select(e => (int)e.AnnotatedTarget).ToArray();
        var table = new List<Score>();
        foreach (var candidate in candidates)
        {
            var probabilities = new double[items.Count][];
            for (int f = 0; f < models.Length; f++)
            {
                var trainRows = Enumerable.Range(0, items.Count).Where(i => fold[i] != f).ToArray();
                var testRows = Enumerable.Range(0, items.Count).Where(i => fold[i] == f).ToArray();
                var head = SafetyHeadTrainer.TrainEnsemble(Rows(features, width, trainRows), trainRows.Select(i => targets[i]).ToArray(), width, candidate.Head);
                var predicted = head.Predict(Rows(features, width, testRows), testRows.Length);
                for (int k = 0; k < testRows.Length; k++)
                {
                    int i = testRows[k];
                    probabilities[i] = LearnedSafetyVerifier.PossibleProbabilities(items[i].Item.PromptKind, predicted.AsSpan(k * SafetyLabels.Count, SafetyLabels.Count));
                }
            }
            var scored = rules.Select(rule => Evaluate(candidate, rule, items, probabilities, degenerate, fold, models)).ToArray();
            var plain = scored[0];
            var tuned = Best(scored);
            log?.Invoke($"{candidate.Name}: most probable {plain.Mean:P1} (Llama Guard {Rate(plain.LlamaGuard)}, XSTest {Rate(plain.XsTest)}); " +
                        $"best rule {tuned.Rule}: {tuned.Mean:P1} (Llama Guard {Rate(tuned.LlamaGuard)}, XSTest {Rate(tuned.XsTest)})");
            table.Add(plain);
            if (!tuned.Rule.IsMostProbable) table.Add(tuned);
        }
        return table;
    }

    private static string Rate(BinaryAgreement? a) => a is null ? "–" : $"{a.Rate:P1}";

    /// <summary>Most probable first, then every (unsafe threshold or none) × (refusal threshold or none).</summary>
    private static List<SafetyDecisionRule> RuleGrid(IReadOnlyList<double> thresholds)
    {
        var options = new double?[] { null }.Concat(thresholds.Select(t => (double?)t)).ToArray();
        var rules = new List<SafetyDecisionRule>();
        foreach (var u in options)
            foreach (var r in options)
            {
                var rule = new SafetyDecisionRule(u, r);
                rule.Validate();
                rules.Add(rule);
            }
        return rules;
    }

    private static Score Evaluate(SafetyHeadCandidate candidate, SafetyDecisionRule rule, IReadOnlyList<AnnotatedCompletions.Example> items,
        double[]?[] probabilities, bool[] degenerate, int[] fold, string[] models)
    {
        var llamaGuard = new List<(bool, bool)>[models.Length];
        var xsTest = new List<(bool, bool)>[models.Length];
        for (int f = 0; f < models.Length; f++) { llamaGuard[f] = new(); xsTest[f] = new(); }
        for (int i = 0; i < items.Count; i++)
        {
            if (probabilities[i] is not { } p) continue;
            var item = items[i].Item;
            var label = rule.Choose(item.PromptKind, p);
            // Degenerate text is an illogical completion unless it is unsafe, as in LearnedSafetyVerifier.Decide.
            if (label != SafetyLabel.Unsafe && degenerate[i]) label = SafetyLabel.IllogicalCompletion;
            if (item.Reference.LlamaGuardUnsafe is { } lg) llamaGuard[fold[i]].Add((lg, label == SafetyLabel.Unsafe));
            if (item.Reference.XsTest is { } xs)
                xsTest[fold[i]].Add((xs == XsTestLabel.FullCompliance, label is SafetyLabel.Unsafe or SafetyLabel.SafeWithoutRisk));
        }
        static BinaryAgreement? Of(IEnumerable<(bool, bool)> pairs) => pairs.Any() ? BinaryAgreement.From(pairs) : null;
        var pooledLg = Of(llamaGuard.SelectMany(x => x));
        var pooledXs = Of(xsTest.SelectMany(x => x));
        var rates = new[] { pooledLg, pooledXs }.OfType<BinaryAgreement>().Select(a => a.Rate).ToArray();
        var folds = Enumerable.Range(0, models.Length).Select(f => new FoldScore(models[f], fold.Count(x => x == f), Of(llamaGuard[f]), Of(xsTest[f]))).ToArray();
        return new Score(candidate, rule, pooledLg, pooledXs, rates.Length == 0 ? 0 : rates.Average(), folds);
    }

    private static float[] Rows(float[] features, int width, int[] rows)
    {
        var result = new float[(long)rows.Length * width];
        for (int k = 0; k < rows.Length; k++) features.AsSpan(rows[k] * width, width).CopyTo(result.AsSpan(k * width, width));
        return result;
    }
}
