using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Core.Plots;
using Vigil.Safety.Demo;
using Vigil.Safety.Demo.Pipeline;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Probing;
using Vigil.Safety.Verifiers.Learned;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety probe</c>: SafeWork-R1's "safety aha moment" analysis. For each reasoning position, how much the
/// policy's hidden state there tells about whether its final behaviour is safe (a cross-validated linear probe's
/// information lower bound, in bits), for one policy or before/after RL; the peak positions with their tokens, and a PNG.
/// </summary>
public static class SafetyProbeCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Policy folder (config.json, model.safetensors, tokenizer.json); default: the demo's RL policy." };
        var compare = new Option<string?>("--compare") { Description = "A second policy to probe on the same prompts (e.g. the SFT policy before RL); default with no --model: the demo's SFT policy." };
        var perSet = new Option<int>("--per-set") { Description = "Held-out prompts per evaluation set (harmful, harmless, XSTest unsafe and safe).", DefaultValueFactory = _ => 100 };
        var positions = new Option<int>("--positions") { Description = "Reasoning positions to probe (from the completion's first token).", DefaultValueFactory = _ => 48 };
        var output = new Option<string?>("--out") { Description = "Write probe.png and probe.json here; default: the first policy's folder." };
        var cache = SafetyCommand.CacheOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout: the per-position curve and peaks of each policy." };
        var cmd = new Command("probe", "Where in its reasoning does a policy decide to be safe? Per-position information between hidden states and the safety outcome, with peak tokens and a PNG.")
        {
            model, compare, perSet, positions, output, cache, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var first = parse.GetValue(model);
                var second = parse.GetValue(compare);
                if (first is null)
                {
                    var demo = DemoPaths.DefaultOutput;
                    first = DemoPaths.RlPolicy(demo);
                    second ??= DemoPaths.SftPolicy(demo);
                    if (!File.Exists(Path.Combine(first, PolicyCheckpoint.ConfigFile)))
                        return Terminal.Fail($"No --model given and no demo policy at {first}: run `vigil safety demo` first or pass --model DIR.");
                }
                var sets = SafetyTaskMix.Load(new SafetyTaskMixOptions
                {
                    HarmfulEvalCount = parse.GetValue(perSet), HarmlessEvalCount = parse.GetValue(perSet),
                    XsTestUnsafeCount = parse.GetValue(perSet), XsTestSafeCount = parse.GetValue(perSet),
                }).Evaluation;
                using var verifier = LearnedSafetyVerifier.Open(cacheDirectory: parse.GetValue(cache));
                var documents = new List<ProbeDocument>();
                foreach (var path in new[] { first, second }.OfType<string>())
                {
                    Terminal.Info($"probing {Markup.Escape(path)}");
                    var generator = new PolicyTextGenerator(PolicyCheckpoint.Load(path), BpeTextTokenizer.Load(Path.Combine(path, "tokenizer.json")));
                    var samples = ProbeSampleCollector.Collect(generator, verifier, sets, ChatTemplate.Demo, parse.GetValue(positions));
                    var curve = new ReasoningPositionProbe(generator.Model, generator.Tokenizer) { MaxPositions = parse.GetValue(positions) }.Run(samples);
                    documents.Add(new ProbeDocument(Path.GetFullPath(path), samples.Count, samples.Count(s => s.Safe), curve, ReasoningPositionProbe.Peaks(curve)));
                }
                var directory = parse.GetValue(output) ?? first;
                Directory.CreateDirectory(directory);
                var chart = new LineChart { Title = "Information about the safety outcome per reasoning position", XLabel = "completion position (tokens)", YLabel = "bits (linear-probe lower bound)" };
                foreach (var d in documents.Where(d => d.Curve.Count > 0))
                    chart.Add(Path.GetFileName(d.Policy.TrimEnd(Path.DirectorySeparatorChar)), d.Curve.Select(c => (double)c.Position), d.Curve.Select(c => c.Estimate.InformationBits));
                if (chart.Series.Count > 0) chart.SavePng(Path.Combine(directory, "probe.png"));
                var document = new ProbeReportDocument(documents);
                File.WriteAllText(Path.Combine(directory, "probe.json"), System.Text.Json.JsonSerializer.Serialize(document, Terminal.JsonOptions));
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                foreach (var d in documents)
                {
                    var table = new Table().Title(Markup.Escape(d.Policy)).AddColumns("position", "bits", "H(Y)", "token there", "model predicts");
                    foreach (var p in d.Peaks)
                        table.AddRow(p.Position.ToString(), $"{p.Estimate.InformationBits:F3}", $"{p.Estimate.LabelEntropyBits:F3}", Markup.Escape(p.CommonToken), Markup.Escape(string.Join(" | ", p.PredictedTokens)));
                    Terminal.Human.Write(table);
                    Terminal.Info($"{d.Samples} samples, {d.SafeSamples} with safe behaviour");
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }
}

/// <summary>One policy's probe: how many samples (and how many safe), the per-position curve and its peaks.</summary>
public sealed record ProbeDocument(string Policy, int Samples, int SafeSamples, IReadOnlyList<PositionInformation> Curve, IReadOnlyList<PositionInformation> Peaks);

/// <summary>The JSON document of <c>vigil safety probe --json</c>.</summary>
public sealed record ProbeReportDocument(IReadOnlyList<ProbeDocument> Policies);
