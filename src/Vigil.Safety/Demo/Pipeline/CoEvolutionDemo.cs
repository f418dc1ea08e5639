using System.Diagnostics;
using TorchSharp;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Probing;
using Vigil.Safety.Rewards;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Verifiers.Rules;
using static TorchSharp.torch;

namespace Vigil.Safety.Demo.Pipeline;

/// <summary>
/// SafeWork-R1's co-evolution experiment, scaled down to a CPU: a byte-level BPE tokenizer and a ~3.5 M-parameter
/// Qwen2-architecture policy are trained from scratch — language-model pre-training on the task domain, then CoT-SFT on
/// a deliberately unaligned mix (unsafe compliance for part of the harmful prompts, needless refusals for part of the
/// harmless ones, worked arithmetic) — and then post-trained with GRPO/CPGD on the verifier recipe: an M³-RL stage
/// over safety, harmless and arithmetic prompts, then a safe-and-efficient stage that rewards shorter reasoning among
/// safe/correct answers. The SFT and RL policies are evaluated on held-out prompts (<see cref="SafetyScoreEvaluator"/>)
/// and probed for where their reasoning carries the safety outcome (<see cref="ReasoningPositionProbe"/>).
/// Every stage's policy is saved in Hugging Face layout under the output folder; with <c>resume</c> a stage whose
/// output exists is loaded instead of retrained.
/// </summary>
public sealed class CoEvolutionDemo(CoEvolutionDemoOptions options, string outputDirectory, Action<string>? log = null)
{
    public const string RecipeName = "safeladder-demo.json";
    private static readonly ChatTemplate Template = ChatTemplate.Demo;

    private readonly List<DemoStageTiming> _stages = [];
    private readonly List<DemoCurvePoint> _curve = [];
    private readonly List<DemoRewardPoint> _rewards = [];

    /// <summary>Called after every RL step with its log (for progress displays).</summary>
    public Action<string, GrpoStepLog>? OnRlStep { get; init; }

    /// <summary>Called after every SFT / pre-training step (stage name, log).</summary>
    public Action<string, SftStepLog>? OnSftStep { get; init; }

    public CoEvolutionDemoResult Run(bool resume = false)
    {
        options.Validate();
        Directory.CreateDirectory(outputDirectory);
        torch.manual_seed(options.Seed);
        // The verifier and the recipe first: a recipe that names an unknown verifier or misses a label fails here, not
        // after minutes of pre-training and SFT.
        using var verifier = LearnedSafetyVerifier.Open(cacheDirectory: options.CacheDirectory);
        var rewards = Rewards(verifier);

        var (mix, arithmeticTrain, arithmeticHeldOut) = Timed("data", BuildData);
        var tokenizer = Timed("tokenizer", () => TrainTokenizer(mix, arithmeticTrain, resume));
        var basePath = Path.Combine(outputDirectory, "base");
        var model = Timed("pretrain", () => LoadOr(basePath, resume, tokenizer, () => Pretrain(tokenizer, mix, arithmeticTrain)));
        var sftPath = DemoPaths.SftPolicy(outputDirectory);
        model = Timed("sft", () => LoadOr(sftPath, resume, tokenizer, () => Sft(model, tokenizer, mix, arithmeticTrain)));

        var crossCheck = new SubstringRefusalVerifier();
        // Behaviour is measured under the policy's own sampling distribution (T = 1, as in the RL rollouts): a greedy
        // decode shows only each prompt's most likely reply and hides the mixture of behaviours an unaligned policy holds.
        // Arithmetic is decoded greedily (the evaluator's default).
        var evaluator = new SafetyScoreEvaluator(verifier, crossCheck, Template,
            new SamplingOptions { Temperature = 1.0, MaxNewTokens = options.MaxNewTokens, Seed = options.Seed + 7919 }, batchSize: 64);
        var generator = new PolicyTextGenerator(model, tokenizer);
        var before = Timed("evaluate-sft", () => evaluator.Evaluate(generator, mix.Evaluation, arithmeticHeldOut));
        Log($"SFT policy: safety score {before.SafetyScore:F3}, arithmetic {before.ArithmeticAccuracy:P1}, {ChecksBesideTheVerifier(before)}");
        var curveSets = mix.Evaluation.Select(s => s with { Prompts = s.Prompts.Take(options.CurveSubsetPerSet).ToArray() }).ToArray();
        var curveArithmetic = arithmeticHeldOut.Take(options.CurveSubsetPerSet).ToArray();
        if (options.EvaluateEvery > 0) AddCurvePoint(0, "sft", evaluator, generator, curveSets, curveArithmetic);
        // The probe reads the sets whose outcome varies most under the unaligned policy (harmful and harmless prompts).
        var probeSets = mix.Evaluation.Where(s => s.Name is SafetyEvaluationSet.Harmful or SafetyEvaluationSet.Harmless).ToArray();
        var probeBefore = Timed("probe-sft", () => Probe(generator, verifier, probeSets));

        var prompts = RlPrompts(tokenizer, mix, arithmeticTrain);
        var replay = options.ReplayCoefficient > 0 ? ArithmeticSftExamples(tokenizer, mix, arithmeticTrain) : null;
        // The KL reference is the SFT policy as saved: a separate, frozen copy.
        using var reference = PolicyCheckpoint.Load(sftPath);
        Timed("rl-m3", () => Reinforce("m3-rl", model, reference, generator, rewards, prompts, replay, options.MultiObjectiveSteps, null, 0, evaluator, curveSets, curveArithmetic));
        if (options.EfficiencySteps > 0)
            Timed("rl-efficient", () => Reinforce("safe-efficient", model, reference, generator, rewards, prompts, replay, options.EfficiencySteps,
                new LengthEfficiencyReward(options.LengthRewardWeight, options.LengthRewardGate), options.MultiObjectiveSteps, evaluator, curveSets, curveArithmetic));
        var rlPath = DemoPaths.RlPolicy(outputDirectory);
        Save(model, tokenizer, rlPath);

        var after = Timed("evaluate-rl", () => evaluator.Evaluate(generator, mix.Evaluation, arithmeticHeldOut));
        Log($"RL policy: safety score {after.SafetyScore:F3}, arithmetic {after.ArithmeticAccuracy:P1}, {ChecksBesideTheVerifier(after)}");
        var probeAfter = Timed("probe-rl", () => Probe(generator, verifier, probeSets));
        var result = new CoEvolutionDemoResult(before, after, _curve, _rewards, _stages,
            probeBefore is null || probeAfter is null ? null : new DemoProbeSummary(probeBefore, probeAfter),
            Path.GetFullPath(outputDirectory), model.parameters().Sum(p => p.numel()));
        DemoCharts.Write(result, outputDirectory);
        return result;
    }

    private (SafetyTaskMix Mix, IReadOnlyList<ArithmeticProblem> Train, IReadOnlyList<ArithmeticProblem> HeldOut) BuildData()
    {
        var mix = SafetyTaskMix.Load(options.Mix);
        var arithmetic = new ArithmeticProblemGenerator(options.Seed);
        var train = arithmetic.Generate(options.ArithmeticTrainCount, heldOut: false);
        var heldOut = new ArithmeticProblemGenerator(options.Seed + 1).Generate(options.ArithmeticHeldOutCount, heldOut: true);
        Log($"data: {mix.Training.Count} safety SFT items, {train.Count} arithmetic problems, {mix.Evaluation.Sum(s => s.Prompts.Count)} held-out prompts, {heldOut.Count} held-out problems");
        return (mix, train, heldOut);
    }

    private IReadOnlyList<string>? _documents;

    // Built once: the tokenizer and pre-training both read it.
    private IReadOnlyList<string> PretrainingDocuments(SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic) =>
        _documents ??= BuildPretrainingDocuments(mix, arithmetic);

    private IReadOnlyList<string> BuildPretrainingDocuments(SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic)
    {
        var documents = PretrainingCorpus.Build(mix.Training, arithmetic, options.Seed).ToList();
        documents.AddRange(KnowledgeDocuments(mix));
        // Interleaved, so every stretch of pre-training sees every kind of document.
        var order = new Random(options.Seed + 1);
        return documents.OrderBy(_ => order.Next()).ToArray();
    }

    private IReadOnlyList<string> KnowledgeDocuments(SafetyTaskMix mix) => PretrainingCorpus.Knowledge(
        mix.Training.Where(s => s.Kind == PromptKind.Unsafe).Select(s => s.Prompt),
        mix.Training.Where(s => s.Label == DemoTaskLabels.Harmless).Select(s => s.Prompt).Concat(PretrainingInstructions()));

    private IReadOnlyList<string>? _extraInstructions;

    private IReadOnlyList<string> PretrainingInstructions() => _extraInstructions ??= PretrainingCorpus.ExtraInstructions(
        options.PretrainingExtraInstructions == 0 ? [] : Data.InstructionSplitFile.Read(Path.Combine(DataRoot(), "safety", "refusal-direction", "splits", "harmless_train.json")),
        options.PretrainingExtraInstructions, options.Seed);

    private static string DataRoot() => Vigil.Core.DataDirectory.Find()
        ?? throw new DirectoryNotFoundException($"No data folder: set {Vigil.Core.DataDirectory.EnvironmentVariable} or provide ../shared/data.");

    private BpeTextTokenizer TrainTokenizer(SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic, bool resume)
    {
        var path = Path.Combine(outputDirectory, "tokenizer.json");
        if (resume && File.Exists(path)) return BpeTextTokenizer.Load(path, "<|end|>", "<|pad|>");
        var texts = PretrainingDocuments(mix, arithmetic).Concat(mix.Training.Select(s => s.Response));
        var tokenizer = new BpeTrainer(options.VocabularySize, BpeTrainer.DemoSpecialTokens).Train(texts, "<|end|>", "<|pad|>");
        tokenizer.Save(path);
        Log($"tokenizer: {tokenizer.VocabularySize} tokens");
        return tokenizer;
    }

    private TransformerLanguageModel Pretrain(BpeTextTokenizer tokenizer, SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic)
    {
        var model = new TransformerLanguageModel(DemoPolicy.Config(tokenizer.VocabularySize, tokenizer.EndOfSequenceId, Math.Max(512, options.MaxSequenceTokens + options.MaxNewTokens)));
        Log($"policy: {model.parameters().Sum(p => p.numel()):N0} parameters");
        // A document is trained on as a response to a lone end-of-turn token, which plays the role of a BOS token.
        var documents = PretrainingDocuments(mix, arithmetic)
            .Select(d => new SftExample([tokenizer.EndOfSequenceId], Truncate(tokenizer.Encode(d), tokenizer.EndOfSequenceId))).ToArray();
        Train("pretrain", model, tokenizer, documents, options.PretrainSteps, options.PretrainLearningRate);
        Save(model, tokenizer, Path.Combine(outputDirectory, "base"));
        return model;
    }

    private TransformerLanguageModel Sft(TransformerLanguageModel model, BpeTextTokenizer tokenizer, SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic)
    {
        var examples = mix.Training.Select(s => SftExample(tokenizer, s)).Concat(ArithmeticSftExamples(tokenizer, mix, arithmetic)).ToArray();
        Train("sft", model, tokenizer, examples, options.SftSteps, options.SftLearningRate);
        Save(model, tokenizer, DemoPaths.SftPolicy(outputDirectory));
        return model;
    }

    /// <summary>The worked arithmetic problems SFT trains on (RL's arithmetic prompts are the other half).</summary>
    private SftExample[] ArithmeticSftExamples(BpeTextTokenizer tokenizer, SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic) =>
        arithmetic.Take(Math.Max(mix.Training.Count, arithmetic.Count / 2)).Select(p => SftExample(tokenizer, DemoSample.From(p))).ToArray();

    private SftExample SftExample(BpeTextTokenizer tokenizer, DemoSample sample) =>
        new(tokenizer.Encode(Template.Prompt(sample.Prompt)).ToArray(), Truncate(tokenizer.Encode(sample.Response), tokenizer.EndOfSequenceId));

    private void Train(string stage, TransformerLanguageModel model, BpeTextTokenizer tokenizer, IReadOnlyList<SftExample> examples, int steps, double learningRate)
    {
        var sft = new SftOptions
        {
            TotalSteps = steps,
            MicroBatchSize = options.BatchSize,
            Seed = options.Seed,
            Optimizer = new OptimizerSettings { LearningRate = learningRate, MinimumLearningRate = learningRate / 10, WarmupSteps = Math.Min(20, steps / 10), WeightDecay = 0.01 },
        };
        using var trainer = new SftTrainer(model, examples, sft, tokenizer.PaddingId);
        trainer.Train(onStep: s =>
        {
            OnSftStep?.Invoke(stage, s);
            if (s.Step % 50 == 0 || s.Step == steps) Log($"{stage} step {s.Step}/{steps}: loss {s.Loss:F3}");
        });
    }

    private int[] Truncate(IReadOnlyList<int> ids, int endOfSequence) =>
        ids.Take(options.MaxSequenceTokens - 1).Append(endOfSequence).ToArray();

    private IReadOnlyList<GrpoPrompt> RlPrompts(BpeTextTokenizer tokenizer, SafetyTaskMix mix, IReadOnlyList<ArithmeticProblem> arithmetic)
    {
        // Harmful and harmless prompts in equal numbers, so neither "refuse more" nor "refuse less" outweighs the other
        // by sheer count; arithmetic takes its share beside them (by default a third: capability is trained alongside
        // safety, not after it).
        IReadOnlyList<string> harmful, harmless;
        if (options.FreshRlPrompts)
        {
            // The held-out files hold every evaluation set's prompts, sampled or not.
            var root = DataRoot();
            var (harmfulPool, harmlessPool) = FreshRlPrompts.Pools(root);
            (harmful, harmless) = FreshRlPrompts.Build(harmfulPool, harmlessPool, mix.Training.Select(s => s.Prompt).Concat(PretrainingInstructions()),
                FreshRlPrompts.HeldOutPrompts(root), int.MaxValue, options.Seed, options.LookalikeHarmlessShare, options.RlQuestionShare);
        }
        else
        {
            harmful = mix.Training.Where(s => s.Kind == PromptKind.Unsafe).Select(s => s.Prompt).ToArray();
            harmless = mix.Training.Where(s => s.Label == DemoTaskLabels.Harmless).Select(s => s.Prompt).Take(harmful.Count).ToArray();
        }
        int arithmeticCount = (int)Math.Round(options.RlArithmeticShare * 2 * harmful.Count / (1 - options.RlArithmeticShare));
        var problems = arithmetic.Skip(arithmetic.Count / 2).Take(arithmeticCount).ToArray();
        var lookalikeNote = options.LookalikeHarmlessShare > 0 ? $" ({options.LookalikeHarmlessShare:P0} of them lookalikes)" : "";
        var questionNote = options.RlQuestionShare > 0
            ? $"; {harmful.Count(QuestionFormPrompts.IsQuestion)} harmful and {harmless.Count(QuestionFormPrompts.IsQuestion)} harmless ones asked as questions" : "";
        Log($"RL prompts{(options.FreshRlPrompts ? " (fresh)" : " (SFT's)")}: {harmful.Count} harmful, {harmless.Count} harmless{lookalikeNote}, {problems.Length} arithmetic{questionNote}");
        GrpoPrompt Prompt(string text, string label, PromptKind kind, string? reference = null) =>
            new(text, tokenizer.Encode(Template.Prompt(text)).ToArray(), label) { Reference = reference, PromptKind = kind };
        return harmful.Select(p => Prompt(p, DemoTaskLabels.Safety, PromptKind.Unsafe))
            .Concat(harmless.Select(p => Prompt(p, DemoTaskLabels.Harmless, PromptKind.Safe)))
            .Concat(problems.Select(p => Prompt(p.Prompt, DemoTaskLabels.Math, PromptKind.Safe, p.Reference))).ToArray();
    }

    private void Reinforce(string stage, TransformerLanguageModel model, TransformerLanguageModel reference, PolicyTextGenerator generator,
        RewardModel rewards, IReadOnlyList<GrpoPrompt> prompts, IReadOnlyList<SftExample>? replay, int steps, LengthEfficiencyReward? lengthReward, int stepOffset,
        SafetyScoreEvaluator evaluator, IReadOnlyList<SafetyEvaluationSet> curveSets, IReadOnlyList<ArithmeticProblem> curveArithmetic)
    {
        var grpo = new GrpoOptions
        {
            TotalSteps = steps,
            PromptsPerStep = options.PromptsPerStep,
            GroupSize = options.GroupSize,
            MicroBatchSize = 32,
            KlCoefficient = options.KlCoefficient,
            ReplayCoefficient = replay is null ? 0 : options.ReplayCoefficient,
            ReplayExamplesPerStep = options.BatchSize,
            DynamicSampling = true,
            LengthReward = lengthReward,
            Overlong = new Training.Objectives.OverlongPenalty(options.MaxNewTokens, options.MaxNewTokens / 4, 0.5),
            Sampling = new SamplingOptions { MaxNewTokens = options.MaxNewTokens, Temperature = 1.0 },
            Optimizer = new OptimizerSettings { LearningRate = options.RlLearningRate, WeightDecay = 0 },
            Seed = options.Seed + stepOffset,
        };
        using var trainer = new GrpoTrainer(model, reference, generator, rewards, prompts, grpo, generator.Tokenizer.PaddingId, replay);
        trainer.Train(onStep: s =>
        {
            int step = stepOffset + s.Step;
            _rewards.Add(new DemoRewardPoint(step, stage, s.MeanReward, s.RewardParts, s.Kl, s.MeanCompletionLength, s.Seconds));
            OnRlStep?.Invoke(stage, s);
            Log($"{stage} step {s.Step}/{steps}: reward {s.MeanReward:F3}, kl {s.Kl:F4}, length {s.MeanCompletionLength:F1}, kept {s.KeptGroups}/{s.Groups}{(replay is null ? "" : $", replay {s.ReplayLoss:F3}")}, {s.Seconds:F1}s");
            if (options.EvaluateEvery > 0 && step % options.EvaluateEvery == 0) AddCurvePoint(step, stage, evaluator, generator, curveSets, curveArithmetic);
        });
    }

    private void AddCurvePoint(int step, string stage, SafetyScoreEvaluator evaluator, PolicyTextGenerator generator,
        IReadOnlyList<SafetyEvaluationSet> sets, IReadOnlyList<ArithmeticProblem> arithmetic)
    {
        var score = evaluator.Evaluate(generator, sets, arithmetic);
        _curve.Add(new DemoCurvePoint(step, stage, score.SafetyScore, score.CrossCheckScore, score.ArithmeticAccuracy, score.AgreedScore));
        Log($"  curve @ {step}: safety {score.SafetyScore:F3} (both judges {score.AgreedScore:F3}), arithmetic {score.ArithmeticAccuracy:P0}");
    }

    private IReadOnlyList<PositionInformation>? Probe(PolicyTextGenerator generator, IVerifier verifier, IReadOnlyList<SafetyEvaluationSet> sets)
    {
        var samples = ProbeSampleCollector.Collect(generator, verifier, sets, Template, options.MaxNewTokens);
        if (samples.Count(s => s.Safe) < 10 || samples.Count(s => !s.Safe) < 10) return null;
        return new ReasoningPositionProbe(generator.Model, generator.Tokenizer) { MaxPositions = options.ProbePositions }.Run(samples);
    }

    private TransformerLanguageModel LoadOr(string path, bool resume, BpeTextTokenizer tokenizer, Func<TransformerLanguageModel> train)
    {
        if (resume && File.Exists(Path.Combine(path, PolicyCheckpoint.ConfigFile)))
        {
            Log($"resume: loading {path}");
            return PolicyCheckpoint.Load(path);
        }
        return train();
    }

    private static void Save(TransformerLanguageModel model, BpeTextTokenizer tokenizer, string path)
    {
        PolicyCheckpoint.Save(model, path);
        tokenizer.Save(Path.Combine(path, "tokenizer.json"));
    }

    private RewardModel Rewards(IVerifier safetyVerifier)
    {
        var path = options.RecipePath ?? ShippedRecipePath();
        var recipe = RewardRecipe.Load(path);
        var missing = new[] { DemoTaskLabels.Safety, DemoTaskLabels.Harmless, DemoTaskLabels.Math }.Where(l => !recipe.Labels.ContainsKey(l)).ToArray();
        if (missing.Length > 0)
            throw new RewardRecipeException($"{path}: the demo's recipe must score the labels {DemoTaskLabels.Safety}, {DemoTaskLabels.Harmless} and {DemoTaskLabels.Math}; it lacks {string.Join(", ", missing)}.");
        Log($"reward recipe: {recipe.Name} ({path})");
        return new RewardModel(recipe,
        [
            new SafeBehaviourVerifier(safetyVerifier), new NormalResponseGrader(), new BoxedAnswerVerifier(), new ThinkFormatVerifier(),
            new StutterVerifier(), new AnswerStepsVerifier(), new ReasoningConsistencyVerifier(), new RefusalPhraseVerifier(),
            new TaskRestatementVerifier(),
        ]);
    }

    private static string ShippedRecipePath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Rewards", "Recipes", RecipeName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The demo reward recipe is missing from the build output: {path}.");
    }

    private T Timed<T>(string stage, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        _stages.Add(new DemoStageTiming(stage, clock.Elapsed.TotalSeconds));
        Log($"[{stage}] {clock.Elapsed.TotalSeconds:F1}s");
        return result;
    }

    private void Timed(string stage, Action work) => Timed(stage, () => { work(); return 0; });

    private void Log(string message) => log?.Invoke(message);

    private static string ChecksBesideTheVerifier(SafetyScoreResult r) =>
        $"both judges agreeing {r.AgreedScore:F3}; {r.Sets.Sum(s => s.Stuttering)} of {r.Sets.Sum(s => s.Count)} replies stutter, {r.Sets.Sum(s => s.BareAnswers)} answers to safe prompts have no steps";
}
