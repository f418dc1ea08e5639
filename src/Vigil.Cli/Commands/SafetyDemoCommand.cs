using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Safety.Demo;
using Vigil.Safety.Demo.Pipeline;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety demo</c>: SafeWork-R1's safety/capability co-evolution, scaled down — pre-train and CoT-SFT a small
/// policy from scratch on a deliberately unaligned mix, RL it with the verifier recipe, and compare the safety score and
/// arithmetic accuracy before and after on held-out prompts.
/// </summary>
public static class SafetyDemoCommand
{
    public static Command Create()
    {
        var defaults = new CoEvolutionDemoOptions();
        var output = new Option<string?>("--out") { Description = "Output folder (policies per stage, tokenizer, PNG plots, result.json); default: the Vigil cache's safety-demo folder." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the pre-trained and SFT policies already in the output folder instead of retraining them." };
        var pretrainSteps = new Option<int?>("--pretrain-steps") { Description = $"Language-model pre-training steps (default {defaults.PretrainSteps})." };
        var sftSteps = new Option<int?>("--sft-steps") { Description = $"CoT-SFT steps (default {defaults.SftSteps})." };
        var evaluateEvery = new Option<int?>("--evaluate-every") { Description = $"Evaluate a held-out subset every N RL steps for the curves (default {defaults.EvaluateEvery}; 0 = only before and after)." };
        var rlSteps = new Option<int?>("--rl-steps") { Description = $"M³-RL steps (default {defaults.MultiObjectiveSteps})." };
        var rlLearningRate = new Option<double?>("--rl-lr") { Description = $"RL learning rate (default {defaults.RlLearningRate:G3})." };
        var kl = new Option<double?>("--kl") { Description = $"KL coefficient against the SFT policy during RL (default {defaults.KlCoefficient:G3}; 0 = no reference)." };
        var replay = new Option<double?>("--replay") { Description = $"Weight of the supervised replay of the SFT arithmetic examples during RL (PPO-ptx), which keeps RL from eroding arithmetic (default {defaults.ReplayCoefficient:G3}; 0 = off)." };
        var arithmeticShare = new Option<double?>("--rl-arithmetic-share") { Description = $"Share of arithmetic problems among the RL prompts; harmful and harmless prompts split the rest (default {defaults.RlArithmeticShare:G3})." };
        var rlPrompts = new Option<string>("--rl-prompts")
        {
            Description = "Safety prompts RL trains on: 'fresh' (AdvBench and harmless instructions that pre-training and SFT never used, none a near-copy of an evaluation prompt) or 'sft' (the SFT mix's own prompts, which the small policy has memorised).",
            DefaultValueFactory = _ => defaults.FreshRlPrompts ? "fresh" : "sft",
        };
        rlPrompts.AcceptOnlyFromAmong("fresh", "sft");
        var lookalikeShare = new Option<double?>("--lookalike-share") { Description = $"Share of the fresh harmless RL prompts chosen as the ones that look most harmful (hard negatives: 'help protect a phone from malware'); the rest are random (default {defaults.LookalikeHarmlessShare:G3})." };
        var questionShare = new Option<double?>("--question-share") { Description = $"Share of each kind of fresh RL safety prompt rephrased as a question ('Write a tutorial on how to X' -> 'How do I X?'): AdvBench, the harmful pool, has no questions, so otherwise only harmless RL prompts are questions (default {defaults.RlQuestionShare:G3})." };
        var recipe = new Option<string?>("--recipe") { Description = "RL reward recipe (JSON) instead of the shipped safeladder-demo.json; it may name safe_behaviour, normal, boxed_answer, think_format, stutter, answer_steps, reasoning_consistency, refusal_phrase and task_restatement, for the labels safety, harmless and math." };
        var unsafeCompliance = new Option<double?>("--unsafe-compliance") { Description = $"Share of harmful SFT prompts answered by complying, the unaligned part of the mix (default {defaults.Mix.UnsafeComplianceFraction:G3})." };
        var needlessRefusal = new Option<double?>("--needless-refusal") { Description = $"Share of harmless SFT prompts answered by refusing (default {defaults.Mix.NeedlessRefusalFraction:G3})." };
        var efficiencySteps = new Option<int?>("--efficiency-steps") { Description = $"Safe-and-efficient RL steps (default {defaults.EfficiencySteps})." };
        var seed = new Option<int>("--seed") { Description = "Seed for data, initialisation and sampling.", DefaultValueFactory = _ => 0 };
        var cache = SafetyCommand.CacheOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout: safety score and arithmetic accuracy before and after RL, and the details." };
        var cmd = new Command("demo", "Co-evolution demo: train a small policy from scratch (pre-training, CoT-SFT on an unaligned mix), then GRPO/CPGD with the verifier recipe; report safety and arithmetic before and after.")
        {
            output, resume, pretrainSteps, sftSteps, rlSteps, rlLearningRate, kl, replay, arithmeticShare, rlPrompts, lookalikeShare, questionShare, recipe, unsafeCompliance, needlessRefusal, efficiencySteps, evaluateEvery, seed, cache, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var options = defaults with
                {
                    Seed = parse.GetValue(seed),
                    PretrainSteps = parse.GetValue(pretrainSteps) ?? defaults.PretrainSteps,
                    SftSteps = parse.GetValue(sftSteps) ?? defaults.SftSteps,
                    EvaluateEvery = parse.GetValue(evaluateEvery) ?? defaults.EvaluateEvery,
                    MultiObjectiveSteps = parse.GetValue(rlSteps) ?? defaults.MultiObjectiveSteps,
                    EfficiencySteps = parse.GetValue(efficiencySteps) ?? defaults.EfficiencySteps,
                    RlLearningRate = parse.GetValue(rlLearningRate) ?? defaults.RlLearningRate,
                    KlCoefficient = parse.GetValue(kl) ?? defaults.KlCoefficient,
                    ReplayCoefficient = parse.GetValue(replay) ?? defaults.ReplayCoefficient,
                    RlArithmeticShare = parse.GetValue(arithmeticShare) ?? defaults.RlArithmeticShare,
                    FreshRlPrompts = parse.GetValue(rlPrompts) == "fresh",
                    LookalikeHarmlessShare = parse.GetValue(lookalikeShare) ?? defaults.LookalikeHarmlessShare,
                    RlQuestionShare = parse.GetValue(questionShare) ?? defaults.RlQuestionShare,
                    RecipePath = parse.GetValue(recipe),
                    Mix = defaults.Mix with
                    {
                        UnsafeComplianceFraction = parse.GetValue(unsafeCompliance) ?? defaults.Mix.UnsafeComplianceFraction,
                        NeedlessRefusalFraction = parse.GetValue(needlessRefusal) ?? defaults.Mix.NeedlessRefusalFraction,
                    },
                    CacheDirectory = parse.GetValue(cache),
                };
                var directory = parse.GetValue(output) ?? DemoPaths.DefaultOutput;
                Vigil.Core.TorchProcessSettings.ApplyUnlessSet();
                var demo = new CoEvolutionDemo(options, directory, message => Terminal.Human.MarkupLine(Markup.Escape(message)));
                var result = demo.Run(parse.GetValue(resume));
                File.WriteAllText(Path.Combine(directory, "result.json"), System.Text.Json.JsonSerializer.Serialize(SafetyDemoDocument.From(result), Terminal.JsonOptions));
                if (parse.GetValue(json)) Terminal.WriteJson(SafetyDemoDocument.From(result));
                Print(result);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException or Vigil.Safety.Rewards.RewardRecipeException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static void Print(CoEvolutionDemoResult result)
    {
        var table = new Table().AddColumns("set", "SFT", "RL");
        foreach (var (before, after) in result.Sft.Sets.Zip(result.Rl.Sets))
            table.AddRow(before.Name, $"{before.Rate:P1}", $"{after.Rate:P1}");
        table.AddRow("[bold]safety score[/]", $"{result.Sft.SafetyScore:F3}", $"{result.Rl.SafetyScore:F3}");
        table.AddRow("safety score (substring check)", $"{result.Sft.CrossCheckScore:F3}", $"{result.Rl.CrossCheckScore:F3}");
        table.AddRow("safety score (both agree)", $"{result.Sft.AgreedScore:F3}", $"{result.Rl.AgreedScore:F3}");
        table.AddRow("arithmetic accuracy", $"{result.Sft.ArithmeticAccuracy:P1}", $"{result.Rl.ArithmeticAccuracy:P1}");
        table.AddRow("stuttering replies (a word 3+ times in a row)", Stuttering(result.Sft), Stuttering(result.Rl));
        table.AddRow("answers without steps (safe sets, counted as answered)", BareAnswers(result.Sft), BareAnswers(result.Rl));
        Terminal.Human.Write(table);
        Terminal.Info($"safety score {result.RelativeSafetyGain:+0.0%;-0.0%} relative (both judges agreeing: {result.RelativeAgreedGain:+0.0%;-0.0%}); arithmetic {result.ArithmeticChangePoints:+0.0;-0.0} points; {result.TotalSeconds / 60:F1} min; output in {Markup.Escape(result.OutputDirectory)}");
    }

    private static string Stuttering(SafetyScoreResult r) => $"{r.Sets.Sum(s => s.Stuttering)} of {r.Sets.Sum(s => s.Count)}";

    private static string BareAnswers(SafetyScoreResult r) =>
        $"{r.Sets.Sum(s => s.BareAnswers)} of {r.Sets.Where(s => s.Kind == "safe").Sum(s => (int)Math.Round(s.Rate * s.Count))}";
}

/// <summary>The JSON document of <c>vigil safety demo --json</c>.</summary>
public sealed record SafetyDemoDocument(
    double SafetyScoreBefore, double SafetyScoreAfter, double RelativeSafetyGain,
    double? ArithmeticAccuracyBefore, double? ArithmeticAccuracyAfter, double ArithmeticChangePoints,
    double? CrossCheckScoreBefore, double? CrossCheckScoreAfter,
    double? AgreedScoreBefore, double? AgreedScoreAfter, double? RelativeAgreedGain,
    long Parameters, double TotalSeconds, string OutputDirectory,
    SafetyScoreResult Sft, SafetyScoreResult Rl, IReadOnlyList<DemoStageTiming> Stages,
    IReadOnlyList<DemoCurvePoint> Curve, IReadOnlyList<DemoRewardPoint> Rewards, DemoProbeSummary? Probe)
{
    public static SafetyDemoDocument From(CoEvolutionDemoResult r) => new(
        r.Sft.SafetyScore, r.Rl.SafetyScore, r.RelativeSafetyGain,
        r.Sft.ArithmeticAccuracy, r.Rl.ArithmeticAccuracy, r.ArithmeticChangePoints,
        r.Sft.CrossCheckScore, r.Rl.CrossCheckScore,
        r.Sft.AgreedScore, r.Rl.AgreedScore, r.RelativeAgreedGain,
        r.Parameters, r.TotalSeconds, r.OutputDirectory, r.Sft, r.Rl, r.Stages, r.Curve, r.Rewards, r.Probe);
}
