using System.Text.Json;
using Vigil.Safety.Rewards;
using Vigil.Safety.Training.Checkpoints;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Training.Ladder;

/// <summary>
/// Runs a <see cref="LadderConfig"/>'s stages in order. Each stage starts from the previous stage's final policy (the
/// first from the config's policy), GRPO stages use a frozen copy of that starting policy as the KL reference, and
/// each stage's output lives in <c>OUTPUT/NN-name/</c>: <c>checkpoint/</c> (weights, optimiser, progress; every
/// <c>checkpoint_every</c> steps and when cancelled), <c>final/</c> (the finished policy, in the store's layout) and
/// <c>log.jsonl</c> (one record per step). <c>OUTPUT/ladder-state.json</c> lists the finished stages. With
/// <c>resume</c>, finished stages are skipped and an unfinished one continues from its checkpoint exactly as an
/// uninterrupted run would.
/// </summary>
public sealed class LadderRunner
{
    public const string StateFile = "ladder-state.json";

    private readonly LadderConfig _config;
    private readonly IPolicyStore _store;
    private readonly Func<RewardRecipe, IEnumerable<IVerifier>> _verifiers;

    /// <summary>Called after every step.</summary>
    public Action<LadderStepEvent>? OnStep { get; init; }

    /// <summary>Called with a line of news (stage start, skip, checkpoint).</summary>
    public Action<string>? OnMessage { get; init; }

    /// <param name="verifiers">the verifiers for a recipe (called once per RL stage; must cover every name the recipe uses)</param>
    public LadderRunner(LadderConfig config, IPolicyStore store, Func<RewardRecipe, IEnumerable<IVerifier>> verifiers)
    {
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _verifiers = verifiers ?? throw new ArgumentNullException(nameof(verifiers));
    }

    public string StageDirectory(int index) => Path.Combine(_config.OutputDirectory, $"{index + 1:00}-{_config.Stages[index].Name}");

    /// <summary>Runs (or with <paramref name="resume"/>, continues) the ladder until it finishes or <paramref name="cancellation"/> fires.</summary>
    public LadderOutcome Run(bool resume, CancellationToken cancellation = default)
    {
        var statePath = Path.Combine(_config.OutputDirectory, StateFile);
        var completed = new List<string>();
        if (File.Exists(statePath))
        {
            if (!resume) throw new InvalidOperationException($"{_config.OutputDirectory} already holds a ladder run; pass --resume to continue it, or choose another output directory.");
            var state = JsonSerializer.Deserialize<LadderState>(File.ReadAllText(statePath), TrainingCheckpoint.Json)
                ?? throw new InvalidDataException($"{statePath}: empty ladder state.");
            if (state.Name != _config.Name) throw new InvalidDataException($"{statePath}: the run in {_config.OutputDirectory} is ladder '{state.Name}', not '{_config.Name}'.");
            completed.AddRange(state.Completed);
        }
        Directory.CreateDirectory(_config.OutputDirectory);
        SaveState(statePath, completed);

        var outcomes = new List<StageOutcome>();
        string start = _config.PolicyPath;
        bool stopped = false;
        for (int i = 0; i < _config.Stages.Count; i++)
        {
            var stage = _config.Stages[i];
            var dir = StageDirectory(i);
            var final = Path.Combine(dir, "final");
            var log = Path.Combine(dir, "log.jsonl");
            if (stopped)
            {
                outcomes.Add(new StageOutcome(stage.Name, stage.Kind, StageStatus.Pending, 0, stage.TotalSteps, null, log));
                continue;
            }
            if (completed.Contains(stage.Name) && Directory.Exists(final))
            {
                OnMessage?.Invoke($"stage {stage.Name}: already complete, skipped");
                outcomes.Add(new StageOutcome(stage.Name, stage.Kind, StageStatus.Skipped, stage.TotalSteps, stage.TotalSteps, final, log));
                start = final;
                continue;
            }
            var (steps, finished) = RunStage(stage, start, dir, resume, cancellation);
            if (!finished)
            {
                outcomes.Add(new StageOutcome(stage.Name, stage.Kind, StageStatus.Interrupted, steps, stage.TotalSteps, null, log));
                stopped = true;
                continue;
            }
            completed.Add(stage.Name);
            SaveState(statePath, completed);
            outcomes.Add(new StageOutcome(stage.Name, stage.Kind, StageStatus.Completed, steps, stage.TotalSteps, final, log));
            start = final;
        }
        return new LadderOutcome(_config.Name, _config.OutputDirectory, !stopped, outcomes);
    }

    private (int Steps, bool Finished) RunStage(LadderStage stage, string start, string dir, bool resume, CancellationToken cancellation)
    {
        Directory.CreateDirectory(dir);
        var checkpoint = Path.Combine(dir, "checkpoint");
        var final = Path.Combine(dir, "final");
        var logPath = Path.Combine(dir, "log.jsonl");
        var policy = _store.Open(start);
        bool fromCheckpoint = resume && TrainingCheckpoint.Exists(checkpoint);
        OnMessage?.Invoke($"stage {stage.Name} ({stage.Kind.ToString().ToLowerInvariant()}, {stage.TotalSteps} steps) from {start}{(fromCheckpoint ? $", resuming {checkpoint}" : "")}");
        LadderPolicy? reference = null;
        try
        {
            IStageTrainer trainer;
            if (stage.Kind == StageKind.Sft)
            {
                var data = LadderData.Sft(stage, policy.Tokenizer, _config.Template, _config.Seed);
                trainer = new SftStage(new SftTrainer(policy.Model, data, stage.Sft!, policy.Tokenizer.PaddingId));
            }
            else
            {
                var options = stage.Grpo!;
                var recipe = RewardRecipe.Load(stage.RecipePath!);
                var rewards = new RewardModel(recipe, _verifiers(recipe));
                var prompts = LadderData.Grpo(stage, policy.Tokenizer, _config.Template, _config.Seed);
                if (options.KlCoefficient > 0) reference = _store.Open(start);
                trainer = new GrpoStage(new GrpoTrainer(policy.Model, reference?.Model, policy.Sampler, rewards, prompts, options, policy.Tokenizer.PaddingId));
            }
            using (trainer)
            {
                if (fromCheckpoint) trainer.LoadCheckpoint(checkpoint);
                using var log = new JsonlLogWriter(logPath, fromCheckpoint ? trainer.Step : null);
                while (!trainer.Finished)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        trainer.SaveCheckpoint(checkpoint);
                        OnMessage?.Invoke($"stage {stage.Name}: stopped at step {trainer.Step}; checkpoint in {checkpoint}");
                        return (trainer.Step, false);
                    }
                    var record = trainer.TrainStep();
                    log.Write(record);
                    OnStep?.Invoke(new LadderStepEvent(stage.Name, trainer.Step, stage.TotalSteps, record));
                    if (trainer.Step % stage.CheckpointEvery == 0 && !trainer.Finished) trainer.SaveCheckpoint(checkpoint);
                }
                _store.Save(policy, final);
                if (Directory.Exists(checkpoint)) Directory.Delete(checkpoint, recursive: true);
                OnMessage?.Invoke($"stage {stage.Name}: complete; policy in {final}");
                return (trainer.Step, true);
            }
        }
        finally
        {
            policy.Model.Module.Dispose();
            reference?.Model.Module.Dispose();
        }
    }

    private void SaveState(string path, List<string> completed)
    {
        var partial = path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(new LadderState(_config.Name, completed), TrainingCheckpoint.Json));
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The common face of the two trainers, so the stage loop is written once.</summary>
    private interface IStageTrainer : IDisposable
    {
        int Step { get; }
        bool Finished { get; }
        object TrainStep();
        void SaveCheckpoint(string directory);
        void LoadCheckpoint(string directory);
    }

    private sealed class SftStage(SftTrainer trainer) : IStageTrainer
    {
        public int Step => trainer.Step;
        public bool Finished => trainer.Finished;
        public object TrainStep() => trainer.TrainStep();
        public void SaveCheckpoint(string directory) => trainer.SaveCheckpoint(directory);
        public void LoadCheckpoint(string directory) => trainer.LoadCheckpoint(directory);
        public void Dispose() => trainer.Dispose();
    }

    private sealed class GrpoStage(GrpoTrainer trainer) : IStageTrainer
    {
        public int Step => trainer.Step;
        public bool Finished => trainer.Finished;
        public object TrainStep() => trainer.TrainStep();
        public void SaveCheckpoint(string directory) => trainer.SaveCheckpoint(directory);
        public void LoadCheckpoint(string directory) => trainer.LoadCheckpoint(directory);
        public void Dispose() => trainer.Dispose();
    }
}
