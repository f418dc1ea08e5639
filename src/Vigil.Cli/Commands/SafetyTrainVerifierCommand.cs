using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core;
using Vigil.Core.Text;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Labels;
using Vigil.Safety.Verifiers.Learned;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety train-verifier</c>: trains the learned safety verifier on the shared annotated completions,
/// optionally holding models out to test generalisation against Llama Guard 2 and XSTest's human labels.
/// </summary>
public static class SafetyTrainVerifierCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to write the trained weights (JSON).", DefaultValueFactory = _ => "safety-verifier.json" };
        var holdout = new Option<string>("--holdout")
        {
            Description = "Comma-separated models whose completions are kept out of training and used for testing, e.g. llama-2-7b-chat-hf,llama2new,llama2orig.",
            DefaultValueFactory = _ => "",
        };
        var data = new Option<string?>("--data") { Description = "The data folder's safety/ directory; default: safety/ under $VIGIL_DATA or ../shared/data." };
        var encoder = new Option<string>("--encoder") { Description = "Sentence encoder.", DefaultValueFactory = _ => TextEncoders.MiniLm };
        encoder.AcceptOnlyFromAmong(TextEncoders.Names.ToArray());
        var cache = SafetyCommand.CacheOption();
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new SafetyHeadTrainingOptions().Epochs };
        var hidden = new Option<int>("--hidden") { Description = "Hidden units of the head.", DefaultValueFactory = _ => new SafetyHeadTrainingOptions().Hidden };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 0 };
        var responseChars = new Option<int>("--response-chars") { Description = "Characters of each response that are encoded (its head).", DefaultValueFactory = _ => new SafetyVerifierTrainingOptions { SafetyDirectory = "" }.ResponseChars };
        var noClassWeights = new Option<bool>("--no-class-weights") { Description = "Train on the plain mean loss instead of weighting classes by 1/sqrt(frequency)." };
        var weightDecay = new Option<double>("--weight-decay") { Description = "AdamW weight decay of the head.", DefaultValueFactory = _ => new SafetyHeadTrainingOptions().WeightDecay };
        var dropout = new Option<double>("--dropout") { Description = "Dropout on the head's hidden layer during training.", DefaultValueFactory = _ => new SafetyHeadTrainingOptions().Dropout };
        var unsafeThreshold = new Option<double?>("--unsafe-threshold") { Description = "Decision rule: a response is unsafe exactly when P(unsafe) >= this; default: the most probable label." };
        var refusalThreshold = new Option<double?>("--refusal-threshold") { Description = "Decision rule: a response to a safe prompt is an unnecessary refusal exactly when P(unnecessary_refusal) >= this; default: the most probable label." };
        var select = new Option<bool>("--select")
        {
            Description = "Choose the head settings and decision rule by leave-one-model-out cross-validation over the training models "
                        + "(candidates: the given settings and one-at-a-time variations; thresholds 0.10-0.90), print the table, then train the chosen ones on all training models "
                        + "and test once on the --holdout models.",
        };
        var features = new Option<string>("--features")
        {
            Description = "Features the head reads: " + string.Join(", ", SafetyFeatureSet.All.Select(f => f.Name))
                        + "; with --select a comma-separated list of sets to compare.",
            DefaultValueFactory = _ => SafetyFeatureSet.Base.Name,
        };
        var members = new Option<string>("--members")
        {
            Description = "Heads in a seed ensemble whose probabilities are averaged (seeds --seed, --seed+1, ...); with --select a comma-separated list of sizes to compare, e.g. 1,5.",
            DefaultValueFactory = _ => new SafetyHeadTrainingOptions().Members.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var noVariations = new Option<bool>("--no-variations") { Description = "With --select: compare only the given head settings (per feature set), not their one-at-a-time variations." };
        var cvOnly = new Option<bool>("--cv-only") { Description = "With --select: print the cross-validation table and stop (no final training, no held-out test, no weights written)." };
        var json = new Option<bool>("--json") { Description = "Write the training report as one JSON object on stdout." };
        var cmd = new Command("train-verifier", "Train the learned safety verifier (sentence encoder + MLP head over six labels) on the annotated completions.")
        {
            output, holdout, data, encoder, cache, epochs, hidden, seed, responseChars, noClassWeights, weightDecay, dropout, unsafeThreshold, refusalThreshold, select, features, members, noVariations, cvOnly, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var safetyDir = parse.GetValue(data) ?? (DataDirectory.Find() is { } root ? Path.Combine(root, "safety") : null)
                    ?? throw new DirectoryNotFoundException($"No data folder found: pass --data or set {DataDirectory.EnvironmentVariable}.");
                var options = new SafetyVerifierTrainingOptions
                {
                    SafetyDirectory = safetyDir,
                    Encoder = parse.GetValue(encoder)!,
                    CacheDirectory = parse.GetValue(cache),
                    HeldOutModels = parse.GetValue(holdout)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    ResponseChars = parse.GetValue(responseChars),
                    Head = new SafetyHeadTrainingOptions
                    {
                        Epochs = parse.GetValue(epochs), Hidden = parse.GetValue(hidden), Seed = parse.GetValue(seed), ClassWeights = !parse.GetValue(noClassWeights),
                        WeightDecay = parse.GetValue(weightDecay), Dropout = parse.GetValue(dropout),
                    },
                    Decision = new SafetyDecisionRule(parse.GetValue(unsafeThreshold), parse.GetValue(refusalThreshold)),
                    Command = "vigil " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                };
                options.Decision.Validate();
                var featureSets = parse.GetValue(features)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(SafetyFeatureSet.Parse).Distinct().ToArray();
                if (featureSets.Length == 0) throw new ArgumentException("--features names no feature set.");
                bool selecting = parse.GetValue(select);
                if (!selecting && featureSets.Length > 1) throw new ArgumentException("Several --features sets need --select to choose among them.");
                if (!selecting && (parse.GetValue(cvOnly) || parse.GetValue(noVariations))) throw new ArgumentException("--cv-only and --no-variations need --select.");
                var sizes = parse.GetValue(members)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(m => int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) && k >= 1
                        ? k : throw new ArgumentException($"--members: '{m}' is not a whole number of heads ≥ 1.")).Distinct().ToArray();
                if (sizes.Length == 0) throw new ArgumentException("--members names no ensemble size.");
                if (!selecting && sizes.Length > 1) throw new ArgumentException("Several --members sizes need --select to choose among them.");
                options = options with { Features = featureSets[0], Head = options.Head with { Members = sizes[0] } };
                Action<string> log = message => Terminal.Info(Markup.Escape(message));
                SafetyVerifierTraining.Result result;
                SafetySelectionDocument? selection = null;
                if (selecting)
                {
                    if (!options.Decision.IsMostProbable)
                        throw new ArgumentException("--select chooses the decision rule itself; leave out --unsafe-threshold and --refusal-threshold.");
                    var candidates = SafetyHeadCandidate.Across(featureSets, options.Head, variations: !parse.GetValue(noVariations), sizes);
                    if (parse.GetValue(cvOnly))
                    {
                        var cv = SafetyVerifierSelection.CrossValidateTraining(options, candidates, log: log, progress: SafetyEvalCommand.ProgressPrinter());
                        var table = SafetySelectionDocument.From(cv);
                        if (parse.GetValue(json)) Terminal.WriteJson(new { Selection = table });
                        PrintSelection(table);
                        return 0;
                    }
                    var chosen = SafetyVerifierSelection.Run(options, candidates, log: log, progress: SafetyEvalCommand.ProgressPrinter());
                    result = chosen.Final;
                    selection = SafetySelectionDocument.From(chosen);
                    PrintSelection(selection);
                }
                else result = SafetyVerifierTraining.Run(options, log, SafetyEvalCommand.ProgressPrinter());
                var path = parse.GetValue(output)!;
                result.Model.Save(path);
                Terminal.Info($"wrote {Markup.Escape(path)} ({new FileInfo(path).Length / 1024.0:F0} KB); encoding {result.EncodeSeconds:F0} s, training {result.TrainSeconds:F1} s");
                var document = SafetyTrainDocument.From(result, path) with { Selection = selection };
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static void PrintSelection(SafetySelectionDocument s)
    {
        static string Rate(BinaryAgreement? a) => a is null ? "–" : $"{a.Rate:P1}";
        var table = new Table().Title($"leave-one-model-out cross-validation over {string.Join(", ", s.FoldModels)} ({s.Seconds:F0} s)")
            .AddColumns("head", "decision rule", "Llama Guard 2", "XSTest", "mean");
        foreach (var row in s.Rows)
            table.AddRow(Markup.Escape(row.Head), Markup.Escape(row.Rule), Rate(row.LlamaGuard), Rate(row.XsTest), row.Selected ? $"[bold]{row.Mean:P1}[/]" : $"{row.Mean:P1}");
        Terminal.Human.Write(table);
        var selected = s.Rows.Single(r => r.Selected);
        var folds = new Table().Title($"selected: {Markup.Escape(selected.Head)}, {Markup.Escape(selected.Rule)} — per left-out model").AddColumns("model", "items", "Llama Guard 2", "XSTest");
        foreach (var f in selected.Folds) folds.AddRow(Markup.Escape(f.Model), f.Items.ToString(), Rate(f.LlamaGuard), Rate(f.XsTest));
        Terminal.Human.Write(folds);
    }

    private static void Print(SafetyTrainDocument d)
    {
        var labels = new Table().Title($"training targets ({d.TrainItems} items)").AddColumns("label", "items");
        foreach (var (label, count) in d.TrainLabels) labels.AddRow(label, count.ToString());
        Terminal.Human.Write(labels);
        if (d.HeldOut is not { } h) return;
        var agreement = new Table().Title($"held out: {string.Join(", ", d.HeldOutModels)} ({h.Items} items)").AddColumns("reference", "items", "learned", "substring baseline");
        if (h.LearnedVsLlamaGuard is { } lg) agreement.AddRow("Llama Guard 2 (harmful prompts)", lg.Count.ToString(), $"{lg.Rate:P1}", $"{h.SubstringVsLlamaGuard!.Rate:P1}");
        if (h.LearnedVsXsTest is { } xs) agreement.AddRow("XSTest human (compliance vs refusal)", xs.Count.ToString(), $"{xs.Rate:P1}", $"{h.SubstringVsXsTest!.Rate:P1}");
        Terminal.Human.Write(agreement);
        var confusion = new Table().Title($"six-label confusion (rows: derived target, columns: verdict); accuracy {h.SixLabelAccuracy:P1}").AddColumn("target");
        foreach (var name in h.ConfusionLabels) confusion.AddColumn(name);
        for (int t = 0; t < h.ConfusionLabels.Count; t++)
            confusion.AddRow(new[] { h.ConfusionLabels[t] }.Concat(h.Confusion[t].Select(c => c.ToString())).ToArray());
        Terminal.Human.Write(confusion);
    }
}

/// <summary>The JSON shape of a training run (stable: docs and scripts read the agreement rates).</summary>
public sealed record SafetyTrainDocument(
    string Output, string Encoder, int ResponseChars, int TrainItems, IReadOnlyDictionary<string, int> TrainLabels, string[] HeldOutModels,
    SafetyHeldOutDocument? HeldOut, double EncodeSeconds, double TrainSeconds)
{
    /// <summary>The cross-validation table when the run used --select.</summary>
    public SafetySelectionDocument? Selection { get; init; }

    public SafetyDecisionRule Decision { get; init; } = SafetyDecisionRule.MostProbable;

    /// <summary>The feature set the head reads.</summary>
    public string Features { get; init; } = SafetyFeatureSet.Base.Name;

    public static SafetyTrainDocument From(SafetyVerifierTraining.Result r, string output) => new(
        output, r.Model.EncoderName, r.Model.ResponseChars, r.TrainItems, r.TrainLabels, r.Model.Provenance.HeldOutModels,
        r.HeldOut is { } h ? SafetyHeldOutDocument.From(h) : null, r.EncodeSeconds, r.TrainSeconds) { Decision = r.Model.Decision, Features = r.Model.Features.Name };
}

/// <summary>The cross-validation table of <c>train-verifier --select</c>: one row per (head, decision rule) compared.</summary>
public sealed record SafetySelectionDocument(IReadOnlyList<string> FoldModels, IReadOnlyList<SafetySelectionRow> Rows, double Seconds)
{
    public static SafetySelectionDocument From(SafetyVerifierSelection.Result r) => From(r.FoldModels, r.Table, r.Selected, r.CrossValidationSeconds);

    public static SafetySelectionDocument From(SafetyVerifierSelection.CrossValidation cv) => From(cv.FoldModels, cv.Table, cv.Selected, cv.Seconds);

    private static SafetySelectionDocument From(IReadOnlyList<string> folds, IReadOnlyList<SafetyVerifierSelection.Score> rows, SafetyVerifierSelection.Score selected, double seconds) =>
        new(folds, rows.Select(s => new SafetySelectionRow(s.Candidate.Name, s.Candidate.Describe(), s.Rule.ToString(), s.Rule.UnsafeThreshold, s.Rule.RefusalThreshold,
            s.LlamaGuard, s.XsTest, s.Mean, ReferenceEquals(s, selected), s.Folds)).ToArray(), seconds);
}

public sealed record SafetySelectionRow(
    string Head, string Settings, string Rule, double? UnsafeThreshold, double? RefusalThreshold, BinaryAgreement? LlamaGuard, BinaryAgreement? XsTest,
    double Mean, bool Selected, IReadOnlyList<SafetyVerifierSelection.FoldScore> Folds);

public sealed record SafetyHeldOutDocument(
    int Items, BinaryAgreement? LearnedVsLlamaGuard, BinaryAgreement? SubstringVsLlamaGuard, BinaryAgreement? LearnedVsXsTest,
    BinaryAgreement? SubstringVsXsTest, double SixLabelAccuracy, IReadOnlyList<string> ConfusionLabels, long[][] Confusion)
{
    public static SafetyHeldOutDocument From(SafetyVerifierTraining.HeldOutEvaluation h) => new(
        h.Items, h.LearnedVsLlamaGuard, h.SubstringVsLlamaGuard, h.LearnedVsXsTest, h.SubstringVsXsTest, h.SixLabelAccuracy,
        SafetyLabels.All.Select(SafetyLabels.Name).ToArray(),
        Enumerable.Range(0, SafetyLabels.Count).Select(t => Enumerable.Range(0, SafetyLabels.Count).Select(p => h.Confusion[t, p]).ToArray()).ToArray());
}
