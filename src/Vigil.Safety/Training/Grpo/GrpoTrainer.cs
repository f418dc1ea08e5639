using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Safety.Policy;
using Vigil.Safety.Rewards;
using Vigil.Safety.Training.Checkpoints;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;
using static TorchSharp.torch;

namespace Vigil.Safety.Training.Grpo;

/// <summary>
/// Group-relative RL (GRPO sampling and advantages) with the CPGD or PPO-clip loss and k3 KL to a frozen reference.
/// Each step: take <see cref="GrpoOptions.PromptsPerStep"/> prompts, sample <see cref="GrpoOptions.GroupSize"/>
/// completions each, score them with the <see cref="RewardModel"/> (+ overlong penalty, + length reward among
/// correct/safe answers), normalise rewards within each group, optionally drop all-equal groups, then take
/// <see cref="GrpoOptions.EpochsPerStep"/> optimiser updates, each accumulated over micro-batches. The sampling
/// policy's log-probabilities are those of the first epoch's forward pass (the parameters have not moved yet), so
/// no separate no-grad pass is needed. With a replay set and <see cref="GrpoOptions.ReplayCoefficient"/> above 0 every
/// update adds a supervised cross-entropy on replay examples (PPO-ptx). Prompts, replay examples and sampling seeds
/// derive from (seed, step): resuming from a checkpoint reproduces an uninterrupted run.
/// </summary>
public sealed class GrpoTrainer : IDisposable
{
    private readonly ICausalLanguageModel _policy;
    private readonly ICausalLanguageModel? _reference;
    private readonly IRolloutSampler _sampler;
    private readonly RewardModel _rewards;
    private readonly IReadOnlyList<GrpoPrompt> _prompts;
    private readonly int _paddingId;
    private readonly DataOrder _order;
    /// <summary>The replay examples and their own order (a seed of its own, so they do not move in step with the prompts).</summary>
    private readonly (IReadOnlyList<SftExample> Examples, DataOrder Order)? _replay;
    private readonly ParameterUpdater _updater;

    public GrpoOptions Options { get; }

    /// <summary>The number of steps taken so far (the next step's index).</summary>
    public int Step { get; private set; }

    public bool Finished => Step >= Options.TotalSteps;

    /// <param name="reference">the frozen reference for the KL term; required when the KL coefficient is above 0</param>
    /// <param name="replay">supervised examples for the replay loss; required when the replay coefficient is above 0</param>
    public GrpoTrainer(ICausalLanguageModel policy, ICausalLanguageModel? reference, IRolloutSampler sampler, RewardModel rewards,
        IReadOnlyList<GrpoPrompt> prompts, GrpoOptions options, int paddingId, IReadOnlyList<SftExample>? replay = null)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        _rewards = rewards ?? throw new ArgumentNullException(nameof(rewards));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        if (options.KlCoefficient > 0 && reference is null) throw new ArgumentException("A KL coefficient above 0 needs a reference model.", nameof(reference));
        if (ReferenceEquals(reference, policy)) throw new ArgumentException("The reference must be a separate, frozen copy of the policy.", nameof(reference));
        for (int i = 0; i < prompts.Count; i++)
        {
            if (prompts[i].Ids.Length == 0) throw new ArgumentException($"RL prompt {i} has no ids.", nameof(prompts));
            if (!rewards.Recipe.Labels.ContainsKey(prompts[i].Label))
                throw new ArgumentException($"RL prompt {i} has label '{prompts[i].Label}', which recipe '{rewards.Recipe.Name}' does not define.", nameof(prompts));
        }
        if (options.ReplayCoefficient > 0)
        {
            if (replay is null || replay.Count == 0) throw new ArgumentException("A replay coefficient above 0 needs replay examples.", nameof(replay));
            SftExample.EnsureNonEmpty(replay, "Replay example", nameof(replay));
            _replay = (replay, new DataOrder(replay.Count, options.Seed ^ 0x5EED));
        }
        _reference = options.KlCoefficient > 0 ? reference : null;
        if (_reference is not null)
        {
            _reference.Module.eval();
            foreach (var p in _reference.Module.parameters()) p.requires_grad = false;
        }
        _paddingId = paddingId;
        _order = new DataOrder(prompts.Count, options.Seed);
        _updater = new ParameterUpdater(policy.Module, options.Optimizer, options.TotalSteps);
    }

    public GrpoStepLog TrainStep()
    {
        var log = TrainOneStep();
        TorchGarbage.CollectAfterStep();
        return log;
    }

    private GrpoStepLog TrainOneStep()
    {
        if (Finished) throw new InvalidOperationException($"GRPO already took its {Options.TotalSteps} steps.");
        var clock = Stopwatch.StartNew();
        // Everything a step creates, the sampler's tensors included, is released when it ends.
        using var stepScope = NewDisposeScope();
        int g = Options.GroupSize;
        var prompts = _order.Batch(Step, Options.PromptsPerStep).Select(i => _prompts[i]).ToArray();
        var rows = prompts.SelectMany(p => Enumerable.Repeat(p, g)).ToArray();

        // Rollouts from the current policy, seeded by step.
        _policy.Module.eval();
        IReadOnlyList<GeneratedSequence> completions;
        using (no_grad())
            completions = _sampler.GenerateIds(rows.Select(r => r.Ids).ToArray(), Options.Sampling with { Seed = StepSeed.For(Options.Seed, Step) });
        if (completions.Count != rows.Length) throw new InvalidOperationException($"The rollout sampler returned {completions.Count} completions for {rows.Length} prompts.");

        var shaped = ScoreRollouts(rows, completions, out var breakdowns, out var overlong, out var lengthBonus);
        var advantages = GroupAdvantages.Compute(shaped, g, Options.AdvantageEpsilon);
        var keptGroups = Options.DynamicSampling ? DynamicSampling.KeptGroups(shaped, g) : Enumerable.Repeat(true, prompts.Length).ToArray();
        var kept = Enumerable.Range(0, rows.Length).Where(i => keptGroups[i / g]).ToArray();

        double lr = _updater.LearningRateAt(Step);
        var update = kept.Length > 0 || _replay is not null ? Optimise(rows, completions, advantages, kept) : UpdateStats.None;
        int tokens = completions.Sum(c => c.CompletionIds.Length);
        Step++;
        double seconds = clock.Elapsed.TotalSeconds;
        return new GrpoStepLog(
            Step, lr, shaped.Average(), RewardPartMeans(breakdowns), overlong.Average(), lengthBonus.Average(),
            update.Kl, completions.Average(c => (double)c.CompletionIds.Length), update.Entropy, update.ClipFraction,
            keptGroups.Count(k => k), prompts.Length, update.Loss, update.GradientNorm, seconds, tokens / Math.Max(seconds, 1e-9), update.ReplayLoss);
    }

    public void Train(int? untilStep = null, Action<GrpoStepLog>? onStep = null)
    {
        int until = Math.Min(untilStep ?? Options.TotalSteps, Options.TotalSteps);
        while (Step < until)
        {
            var log = TrainStep();
            onStep?.Invoke(log);
        }
    }

    public void SaveCheckpoint(string directory) =>
        TrainingCheckpoint.Save(directory, _policy.Module, _updater, new GrpoProgress(Step, Options.Seed, Options.PromptsPerStep, Options.GroupSize));

    public void LoadCheckpoint(string directory)
    {
        var progress = TrainingCheckpoint.Load<GrpoProgress>(directory, _policy.Module, _updater);
        if (progress.Seed != Options.Seed || progress.PromptsPerStep != Options.PromptsPerStep || progress.GroupSize != Options.GroupSize)
            throw new InvalidDataException($"{directory}: the checkpoint was trained with seed {progress.Seed}, {progress.PromptsPerStep} prompts × {progress.GroupSize} samples per step; these options say {Options.Seed}, {Options.PromptsPerStep} × {Options.GroupSize}.");
        if (progress.Step > Options.TotalSteps) throw new InvalidDataException($"{directory}: the checkpoint is at step {progress.Step}, past this run's {Options.TotalSteps} steps.");
        Step = progress.Step;
    }

    public void Dispose() => _updater.Dispose();

    private double[] ScoreRollouts(GrpoPrompt[] rows, IReadOnlyList<GeneratedSequence> completions,
        out IReadOnlyList<RewardBreakdown> breakdowns, out double[] overlong, out double[] lengthBonus)
    {
        var samples = rows.Select((p, i) => new RewardSample(p.Label, new VerificationInput(p.Text, completions[i].Text)
        {
            Reference = p.Reference,
            PromptKind = p.PromptKind,
        })).ToArray();
        var scored = _rewards.Score(samples);
        breakdowns = scored;
        var lengths = completions.Select(c => c.CompletionIds.Length).ToArray();
        overlong = lengths.Select(l => Options.Overlong?.For(l) ?? 0).ToArray();
        lengthBonus = new double[rows.Length];
        if (Options.LengthReward is { } efficiency)
        {
            int g = Options.GroupSize;
            for (int start = 0; start < rows.Length; start += g)
            {
                var passes = Enumerable.Range(start, g).Select(i => efficiency.Passes(scored[i])).ToArray();
                var bonus = efficiency.ForGroup(lengths.AsSpan(start, g).ToArray(), passes);
                Array.Copy(bonus, 0, lengthBonus, start, g);
            }
        }
        var shaped = new double[rows.Length];
        for (int i = 0; i < shaped.Length; i++) shaped[i] = scored[i].Total + overlong[i] + lengthBonus[i];
        return shaped;
    }

    private static Dictionary<string, double> RewardPartMeans(IReadOnlyList<RewardBreakdown> breakdowns)
    {
        var names = breakdowns.SelectMany(b => b.Parts.Select(p => p.Verifier)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return names.ToDictionary(n => n, n => breakdowns.Average(b => b.PartOf(n)), StringComparer.Ordinal);
    }

    private sealed record UpdateStats(double Loss, double Kl, double Entropy, double ClipFraction, double GradientNorm, double ReplayLoss)
    {
        public static UpdateStats None { get; } = new(0, 0, 0, 0, 0, 0);
    }

    private UpdateStats Optimise(GrpoPrompt[] rows, IReadOnlyList<GeneratedSequence> completions, double[] advantages, int[] kept)
    {
        using var stepScope = NewDisposeScope();
        torch.manual_seed(StepSeed.For(Options.Seed, Step));
        int micro = Options.MicroBatchSize;
        var batches = new List<(CompletionBatch Batch, Tensor Advantages, Tensor? Reference)>();
        for (int start = 0; start < kept.Length; start += micro)
        {
            var idx = kept.AsSpan(start, Math.Min(micro, kept.Length - start)).ToArray();
            var batch = CompletionBatch.Build(idx.Select(i => rows[i].Ids).ToArray(), idx.Select(i => completions[i].CompletionIds).ToArray(), _paddingId);
            Tensor? reference = null;
            if (_reference is not null)
                using (no_grad()) reference = batch.Score(_reference).LogProbs;
            batches.Add((batch, tensor(idx.Select(i => (float)advantages[i]).ToArray()), reference));
        }
        var lengths = kept.Select(i => completions[i].CompletionIds.Length).ToArray();
        double denominator = Options.Aggregation == LossAggregation.TokenMean ? Math.Max(1, lengths.Sum()) : Math.Max(1, lengths.Count(l => l > 0));
        double tokenCount = Math.Max(1, lengths.Sum());
        var old = new Tensor[batches.Count];
        var replay = ReplayBatch();
        double loss = 0, kl = 0, entropy = 0, clipped = 0, norm = 0, replayLoss = 0;
        _policy.Module.train();
        for (int epoch = 0; epoch < Options.EpochsPerStep; epoch++)
        {
            _updater.ZeroGradients();
            double epochLoss = 0;
            for (int m = 0; m < batches.Count; m++)
            {
                using var scope = NewDisposeScope();
                var (batch, adv, reference) = batches[m];
                var (logProbs, tokenEntropy) = batch.Score(_policy);
                if (epoch == 0) old[m] = logProbs.detach().MoveToOuterDisposeScope();
                var terms = PolicyLoss.Compute(Options.Loss, logProbs, old[m], adv, Options.ClipEpsilon);
                var total = LossAggregator.Reduce(terms.Loss, batch.CompletionMask, Options.Aggregation, denominator);
                if (reference is not null)
                {
                    var k3 = KlEstimator.K3(logProbs, reference);
                    total = total + Options.KlCoefficient * LossAggregator.Reduce(k3, batch.CompletionMask, Options.Aggregation, denominator);
                    if (epoch == 0) kl += (k3 * batch.CompletionMask).sum().item<float>();
                }
                if (epoch == 0) entropy += tokenEntropy.sum().item<float>();
                clipped += (terms.Clipped * batch.CompletionMask).sum().item<float>();
                total.backward();
                epochLoss += total.item<float>();
            }
            if (replay is not null)
            {
                using var scope = NewDisposeScope();
                var (logProbs, _) = replay.Value.Batch.Score(_policy);
                var crossEntropy = LossAggregator.Reduce(-logProbs, replay.Value.Batch.CompletionMask, LossAggregation.TokenMean, replay.Value.Tokens);
                (Options.ReplayCoefficient * crossEntropy).backward();
                if (epoch == 0) replayLoss = crossEntropy.item<float>();
            }
            norm = _updater.Step(Step);
            if (epoch == 0) loss = epochLoss;
        }
        return new UpdateStats(loss, kl / tokenCount, entropy / tokenCount, clipped / (tokenCount * Options.EpochsPerStep), norm, replayLoss);
    }

    private (CompletionBatch Batch, int Tokens)? ReplayBatch()
    {
        if (_replay is not { } replay) return null;
        var examples = replay.Order.Batch(Step, Options.ReplayExamplesPerStep).Select(i => replay.Examples[i]).ToArray();
        var batch = CompletionBatch.Build(examples.Select(e => e.PromptIds).ToArray(), examples.Select(e => e.ResponseIds).ToArray(), _paddingId);
        return (batch, examples.Sum(e => e.ResponseIds.Length));
    }
}

/// <summary>What a GRPO checkpoint records besides weights and optimiser.</summary>
public sealed record GrpoProgress(int Step, int Seed, int PromptsPerStep, int GroupSize);
