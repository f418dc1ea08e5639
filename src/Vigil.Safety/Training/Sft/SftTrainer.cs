using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Safety.Policy;
using Vigil.Safety.Training.Checkpoints;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;
using static TorchSharp.torch;

namespace Vigil.Safety.Training.Sft;

/// <summary>
/// Supervised fine-tuning of a causal LM on (prompt, response) pairs: next-token cross-entropy on response tokens only
/// (prompt and padding masked), AdamW with warm-up + cosine, gradient accumulation and clipping. Step s trains on
/// stream positions [s·E, (s+1)·E) of <see cref="DataOrder"/> and seeds torch with (seed, s), so a run resumed from a
/// checkpoint continues exactly as an uninterrupted one.
/// </summary>
public sealed class SftTrainer : IDisposable
{
    private readonly ICausalLanguageModel _model;
    private readonly IReadOnlyList<SftExample> _data;
    private readonly int _paddingId;
    private readonly DataOrder _order;
    private readonly ParameterUpdater _updater;

    public SftOptions Options { get; }

    /// <summary>The number of optimiser steps taken so far (the next step's index).</summary>
    public int Step { get; private set; }

    public SftTrainer(ICausalLanguageModel model, IReadOnlyList<SftExample> data, SftOptions options, int paddingId)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _data = data ?? throw new ArgumentNullException(nameof(data));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        SftExample.EnsureNonEmpty(data, "SFT example", nameof(data));
        _paddingId = paddingId;
        _order = new DataOrder(data.Count, options.Seed);
        _updater = new ParameterUpdater(model.Module, options.Optimizer, options.TotalSteps);
    }

    public bool Finished => Step >= Options.TotalSteps;

    /// <summary>Trains one optimiser step and returns its log.</summary>
    public SftStepLog TrainStep()
    {
        var log = TrainOneStep();
        TorchGarbage.CollectAfterStep();
        return log;
    }

    private SftStepLog TrainOneStep()
    {
        if (Finished) throw new InvalidOperationException($"SFT already took its {Options.TotalSteps} steps.");
        var clock = Stopwatch.StartNew();
        var examples = _order.Batch(Step, Options.ExamplesPerStep).Select(i => _data[i]).ToArray();
        int tokens = examples.Sum(e => e.ResponseIds.Length);
        // The optimiser's step wraps every parameter's gradient in a fresh handle; this scope releases them.
        using var stepScope = NewDisposeScope();
        torch.manual_seed(StepSeed.For(Options.Seed, Step));
        _model.Module.train();
        _updater.ZeroGradients();
        double loss = 0;
        for (int m = 0; m < Options.GradientAccumulation; m++)
        {
            using var scope = NewDisposeScope();
            var micro = examples.AsSpan(m * Options.MicroBatchSize, Options.MicroBatchSize).ToArray();
            var batch = CompletionBatch.Build(micro.Select(e => e.PromptIds).ToArray(), micro.Select(e => e.ResponseIds).ToArray(), _paddingId);
            var (logProbs, _) = batch.Score(_model);
            var microLoss = LossAggregator.Reduce(-logProbs, batch.CompletionMask, LossAggregation.TokenMean, tokens);
            microLoss.backward();
            loss += microLoss.item<float>();
        }
        double lr = _updater.LearningRateAt(Step);
        double norm = _updater.Step(Step);
        Step++;
        double seconds = clock.Elapsed.TotalSeconds;
        return new SftStepLog(Step, loss, lr, norm, tokens, seconds, tokens / Math.Max(seconds, 1e-9));
    }

    /// <summary>Trains until <paramref name="untilStep"/> (default: all steps), calling <paramref name="onStep"/> after each.</summary>
    public void Train(int? untilStep = null, Action<SftStepLog>? onStep = null)
    {
        int until = Math.Min(untilStep ?? Options.TotalSteps, Options.TotalSteps);
        while (Step < until)
        {
            var log = TrainStep();
            onStep?.Invoke(log);
        }
    }

    public void SaveCheckpoint(string directory) =>
        TrainingCheckpoint.Save(directory, _model.Module, _updater, new SftProgress(Step, Options.Seed, Options.ExamplesPerStep));

    public void LoadCheckpoint(string directory)
    {
        var progress = TrainingCheckpoint.Load<SftProgress>(directory, _model.Module, _updater);
        if (progress.Seed != Options.Seed || progress.ExamplesPerStep != Options.ExamplesPerStep)
            throw new InvalidDataException($"{directory}: the checkpoint was trained with seed {progress.Seed} and {progress.ExamplesPerStep} examples per step, these options say {Options.Seed} and {Options.ExamplesPerStep}; resuming would change the data order.");
        if (progress.Step > Options.TotalSteps) throw new InvalidDataException($"{directory}: the checkpoint is at step {progress.Step}, past this run's {Options.TotalSteps} steps.");
        Step = progress.Step;
    }

    public void Dispose() => _updater.Dispose();
}

/// <summary>What an SFT checkpoint records besides weights and optimiser: enough to land on the same data.</summary>
public sealed record SftProgress(int Step, int Seed, int ExamplesPerStep);
