using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Rewards;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Ladder;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Knowledge;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety ladder --config FILE [--resume] [--json]</c>: runs a SafeLadder config's stages (SFT, GRPO/CPGD) in
/// order on a Hugging Face policy folder, checkpointing between and within stages; Ctrl+C saves a checkpoint and
/// stops (exit code 130), and <c>--resume</c> continues exactly where the run stopped.
/// </summary>
public static class SafetyLadderCommand
{
    public const int Interrupted = 130;

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Ladder config (JSON): the policy folder, the output folder and the stages.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in the output folder: finished stages are skipped, an unfinished one continues from its checkpoint." };
        var cache = SafetyCommand.CacheOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout: each stage's status, steps, final policy folder, log and last step record." };
        var cmd = new Command("ladder", "Run the SafeLadder stages of a config (CoT SFT, then GRPO/CPGD RL stages with verifier rewards), resumably.")
        {
            config, resume, cache, json,
        };
        cmd.SetAction(parse =>
        {
            LearnedSafetyVerifier? learned = null;
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                Terminal.Info("[yellow]stopping after this step; a checkpoint will be saved[/]");
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var ladder = LadderConfig.Load(parse.GetValue(config)!);
                var last = new Dictionary<string, object>(StringComparer.Ordinal);
                IEnumerable<IVerifier> Verifiers(RewardRecipe recipe)
                {
                    var wanted = recipe.VerifierNames().ToHashSet(StringComparer.Ordinal);
                    if (wanted.Contains(LearnedSafetyVerifier.VerifierName) && learned is null)
                    {
                        learned = LearnedSafetyVerifier.Open(null, parse.GetValue(cache));
                        learned.Progress = SafetyEvalCommand.ProgressPrinter();
                    }
                    return RuleVerifiers().Concat(learned is null ? Array.Empty<IVerifier>() : new IVerifier[] { learned }).Where(v => wanted.Contains(v.Name));
                }
                var runner = new LadderRunner(ladder, new TransformerPolicyStore(OpenTokenizer), Verifiers)
                {
                    OnStep = e =>
                    {
                        last[e.Stage] = e.Log;
                        Terminal.Info(Markup.Escape(Describe(e)));
                    },
                    OnMessage = m => Terminal.Info(Markup.Escape(m)),
                };
                var outcome = runner.Run(parse.GetValue(resume), cancel.Token);
                if (parse.GetValue(json)) Terminal.WriteJson(SafetyLadderDocument.From(outcome, last));
                Terminal.Info(outcome.Completed
                    ? $"[green]ladder {Markup.Escape(outcome.Name)} complete[/]: final policy in {Markup.Escape(outcome.Stages[^1].FinalPolicy ?? "")}"
                    : $"[yellow]ladder {Markup.Escape(outcome.Name)} stopped[/]; continue with --resume");
                return outcome.Completed ? 0 : Interrupted;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException
                                          or LadderConfigException or RewardRecipeException)
            {
                return Terminal.Fail(e.Message);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                learned?.Dispose();
            }
        });
        return cmd;
    }

    /// <summary>The tokenizer of a Hugging Face policy folder.</summary>
    internal static ITextTokenizer OpenTokenizer(string directory)
    {
        var path = Path.Combine(directory, "tokenizer.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"Policy folder {directory} has no tokenizer.json.", path);
        return BpeTextTokenizer.Load(path);
    }

    /// <summary>The verifiers that need nothing but the text (judge verifiers need a chat client and are not offered here).</summary>
    private static IEnumerable<IVerifier> RuleVerifiers() => new IVerifier[]
    {
        new ThinkFormatVerifier(), new BoxedAnswerVerifier(), new ArithmeticStepVerifier(), new InstructionFollowingVerifier(), new NormalResponseGrader(),
        new SubstringRefusalVerifier(), new ReferenceMatchVerifier(), new StutterVerifier(), new AnswerStepsVerifier(),
        new RefusalPhraseVerifier(), new ReasoningConsistencyVerifier(), new TaskRestatementVerifier(),
    };

    private static string Describe(LadderStepEvent e) => e.Log switch
    {
        SftStepLog s => $"{e.Stage} step {e.Step}/{e.TotalSteps}: loss {s.Loss:F4}, lr {s.LearningRate:G3}, {s.TokensPerSecond:F0} tokens/s",
        GrpoStepLog g => $"{e.Stage} step {e.Step}/{e.TotalSteps}: reward {g.MeanReward:F3} ({string.Join(", ", g.RewardParts.Select(p => $"{p.Key} {p.Value:F3}"))}), " +
                         $"KL {g.Kl:F4}, length {g.MeanCompletionLength:F1}, entropy {g.Entropy:F3}, clipped {g.ClipFraction:P1}, groups {g.KeptGroups}/{g.Groups}",
        _ => $"{e.Stage} step {e.Step}/{e.TotalSteps}",
    };
}

/// <summary>The JSON shape of <c>vigil safety ladder --json</c>.</summary>
public sealed record SafetyLadderDocument(string Name, string OutputDirectory, bool Completed, IReadOnlyList<SafetyLadderStage> Stages)
{
    public static SafetyLadderDocument From(LadderOutcome outcome, IReadOnlyDictionary<string, object> lastLogs) => new(
        outcome.Name, outcome.OutputDirectory, outcome.Completed,
        outcome.Stages.Select(s => new SafetyLadderStage(s.Name, s.Kind.ToString().ToLowerInvariant(), s.Status.ToString().ToLowerInvariant(),
            s.Steps, s.TotalSteps, s.FinalPolicy, s.Log, lastLogs.GetValueOrDefault(s.Name))).ToArray());
}

/// <summary>One stage in <see cref="SafetyLadderDocument"/>; <see cref="LastStep"/> is this run's last step record of the stage.</summary>
public sealed record SafetyLadderStage(string Name, string Kind, string Status, int Steps, int TotalSteps, string? FinalPolicy, string Log, object? LastStep);
