using System.Text.Json;
using Vigil.Safety.Policy;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Optimization;
using Vigil.Safety.Training.Sft;

namespace Vigil.Safety.Training.Ladder;

public enum StageKind
{
    Sft,
    Grpo,
}

/// <summary>One weighted data source of a stage's mix; <see cref="Label"/> is the reward label its RL prompts default to.</summary>
public sealed record DataSource(string Path, double Weight, string? Label);

/// <summary>
/// One stage of the ladder. <see cref="Sft"/> is set for SFT stages; <see cref="Grpo"/> and <see cref="RecipePath"/>
/// for RL stages. <see cref="CheckpointEvery"/> is the within-stage checkpoint interval in steps.
/// </summary>
public sealed record LadderStage(string Name, StageKind Kind, IReadOnlyList<DataSource> Data, int CheckpointEvery)
{
    public SftOptions? Sft { get; init; }
    public GrpoOptions? Grpo { get; init; }
    public string? RecipePath { get; init; }

    public int TotalSteps => Kind == StageKind.Sft ? Sft!.TotalSteps : Grpo!.TotalSteps;
}

/// <summary>
/// A SafeLadder run as data: the starting policy (a directory the policy store opens), where outputs go, and the stages
/// in order. JSON layout (comments and trailing commas allowed; relative paths are relative to the config file):
/// <code>
/// {
///   "name": "demo-ladder", "policy": "policy/", "output": "runs/ladder", "chat_template": "demo", "seed": 0,
///   "stages": [
///     { "name": "cot-sft", "kind": "sft", "data": [ { "path": "cot.jsonl" } ], "steps": 200,
///       "micro_batch_size": 8, "gradient_accumulation": 1, "checkpoint_every": 50,
///       "optimizer": { "learning_rate": 3e-4, "warmup_steps": 20, "min_learning_rate": 3e-5,
///                      "weight_decay": 0.01, "max_grad_norm": 1.0 } },
///     { "name": "m3rl", "kind": "grpo", "recipe": "recipe.json",
///       "data": [ { "path": "harmful.jsonl", "weight": 1, "label": "safety" }, { "path": "math.jsonl", "weight": 2, "label": "math" } ],
///       "steps": 50, "prompts_per_step": 4, "group_size": 8, "micro_batch_size": 16, "epochs_per_step": 1,
///       "loss": "cpgd", "clip_epsilon": 0.2, "kl_coefficient": 0.001, "aggregation": "token_mean",
///       "dynamic_sampling": true, "overlong": { "max_length": 96, "buffer": 16, "penalty": 1 },
///       "length_reward": { "weight": 0.5, "gate": 0.5 },
///       "sampling": { "max_new_tokens": 96, "temperature": 1.0, "top_p": 1.0 }, "optimizer": { "learning_rate": 1e-5 } }
///   ]
/// }
/// </code>
/// SFT data lines are <c>{"prompt": …, "response": …}</c>; RL lines are <c>{"prompt": …, "label"?: …, "reference"?: …,
/// "prompt_kind"?: "safe"|"unsafe"}</c>, the label defaulting to the source's.
/// </summary>
public sealed record LadderConfig(string Name, string PolicyPath, string OutputDirectory, ChatTemplate Template, int Seed, IReadOnlyList<LadderStage> Stages)
{
    public string Source { get; init; } = "ladder";

    public static LadderConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Ladder config not found: {path}", path);
        return Parse(File.ReadAllText(path), path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    /// <param name="source">names the config in error messages</param>
    /// <param name="baseDirectory">relative paths resolve against it</param>
    public static LadderConfig Parse(string json, string source, string baseDirectory)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new LadderConfigException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            var root = new JsonObjectReader(document.RootElement, source, "$", "name", "policy", "output", "chat_template", "seed", "stages");
            string Resolve(string p) => System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, p));
            var name = root.String("name");
            var template = root.Choice("chat_template", "demo", "demo", "chatml", "llama3") switch
            {
                "chatml" => ChatTemplate.ChatML,
                "llama3" => ChatTemplate.Llama3,
                _ => ChatTemplate.Demo,
            };
            int seed = root.Int("seed", 0);
            var stages = new List<LadderStage>();
            var elements = root.Array("stages");
            for (int i = 0; i < elements.Count; i++)
            {
                var stage = ParseStage(elements[i], source, $"$.stages[{i}]", seed, Resolve);
                if (stages.Any(s => s.Name == stage.Name)) throw root.Error($"$.stages[{i}].name", $"stage \"{stage.Name}\" appears twice");
                stages.Add(stage);
            }
            return new LadderConfig(name, Resolve(root.String("policy")), Resolve(root.OptionalString("output") ?? name + "-run"), template, seed, stages) { Source = source };
        }
    }

    private static readonly string[] Common = { "name", "kind", "data", "steps", "micro_batch_size", "checkpoint_every", "optimizer" };
    private static readonly string[] SftOnly = { "gradient_accumulation" };
    private static readonly string[] GrpoOnly =
    {
        "recipe", "prompts_per_step", "group_size", "epochs_per_step", "loss", "clip_epsilon", "kl_coefficient", "aggregation",
        "dynamic_sampling", "overlong", "length_reward", "sampling", "advantage_epsilon",
    };

    private static LadderStage ParseStage(JsonElement element, string source, string at, int seed, Func<string, string> resolve)
    {
        // The kind decides which fields are allowed, so read it before validating the rest.
        var kindReader = new JsonObjectReader(element, source, at, Common.Concat(SftOnly).Concat(GrpoOnly).ToArray());
        var kind = kindReader.Choice("kind", "", "sft", "grpo") == "sft" ? StageKind.Sft : StageKind.Grpo;
        var s = new JsonObjectReader(element, source, at, Common.Concat(kind == StageKind.Sft ? SftOnly : GrpoOnly).ToArray());
        var name = s.String("name");
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw s.Error($"{at}.name", $"\"{name}\" must use only letters, digits, '-' and '_' (it names a directory)");
        var data = new List<DataSource>();
        var items = s.Array("data");
        for (int i = 0; i < items.Count; i++)
        {
            var d = new JsonObjectReader(items[i], source, $"{at}.data[{i}]", "path", "weight", "label");
            data.Add(new DataSource(resolve(d.String("path")), d.Double("weight", 1, 0, exclusiveMin: true), d.OptionalString("label")));
        }
        int steps = s.RequiredInt("steps", 1);
        int checkpointEvery = s.Int("checkpoint_every", 10, 1);
        var optimizer = ParseOptimizer(s.Object("optimizer", "learning_rate", "min_learning_rate", "warmup_steps", "weight_decay", "beta1", "beta2", "adam_epsilon", "max_grad_norm"),
            kind == StageKind.Sft ? 1e-4 : 1e-6);
        if (kind == StageKind.Sft)
            return new LadderStage(name, kind, data, checkpointEvery)
            {
                Sft = new SftOptions
                {
                    TotalSteps = steps, MicroBatchSize = s.Int("micro_batch_size", 8, 1), GradientAccumulation = s.Int("gradient_accumulation", 1, 1),
                    Optimizer = optimizer, Seed = seed,
                },
            };
        var defaults = new GrpoOptions();
        OverlongPenalty? overlong = null;
        if (s.Object("overlong", "max_length", "buffer", "penalty") is { } o)
        {
            int max = o.RequiredInt("max_length", 1);
            int buffer = o.RequiredInt("buffer", 0);
            if (buffer > max) throw o.Error($"{o.At}.buffer", $"must be ≤ max_length ({max}), found {buffer}");
            overlong = new OverlongPenalty(max, buffer, o.Double("penalty", 1, 0));
        }
        LengthEfficiencyReward? lengthReward = null;
        if (s.Object("length_reward", "weight", "gate") is { } l)
            lengthReward = new LengthEfficiencyReward(l.Double("weight", 0.5, 0), l.Double("gate", 0.5, 0, 1));
        var sampling = defaults.Sampling;
        if (s.Object("sampling", "max_new_tokens", "temperature", "top_p") is { } sm)
            sampling = new SamplingOptions
            {
                MaxNewTokens = sm.Int("max_new_tokens", sampling.MaxNewTokens, 1),
                Temperature = sm.Double("temperature", sampling.Temperature, 0, exclusiveMin: true),
                TopP = sm.Double("top_p", sampling.TopP, 0, 1, exclusiveMin: true),
            };
        return new LadderStage(name, kind, data, checkpointEvery)
        {
            RecipePath = resolve(s.String("recipe")),
            Grpo = new GrpoOptions
            {
                TotalSteps = steps,
                PromptsPerStep = s.Int("prompts_per_step", defaults.PromptsPerStep, 1),
                GroupSize = s.Int("group_size", defaults.GroupSize, 2),
                MicroBatchSize = s.Int("micro_batch_size", defaults.MicroBatchSize, 1),
                EpochsPerStep = s.Int("epochs_per_step", defaults.EpochsPerStep, 1),
                Loss = s.Choice("loss", "cpgd", "cpgd", "ppo_clip") == "cpgd" ? PolicyLossKind.Cpgd : PolicyLossKind.PpoClip,
                ClipEpsilon = s.Double("clip_epsilon", defaults.ClipEpsilon, 0, 1, exclusiveMin: true),
                KlCoefficient = s.Double("kl_coefficient", defaults.KlCoefficient, 0),
                Aggregation = s.Choice("aggregation", "token_mean", "token_mean", "sequence_mean") == "token_mean" ? LossAggregation.TokenMean : LossAggregation.SequenceMean,
                AdvantageEpsilon = s.Double("advantage_epsilon", defaults.AdvantageEpsilon, 0),
                DynamicSampling = s.Bool("dynamic_sampling", false),
                Overlong = overlong,
                LengthReward = lengthReward,
                Sampling = sampling,
                Optimizer = optimizer,
                Seed = seed,
            },
        };
    }

    private static OptimizerSettings ParseOptimizer(JsonObjectReader? o, double defaultRate)
    {
        var d = new OptimizerSettings { LearningRate = defaultRate };
        if (o is null) return d;
        double rate = o.Double("learning_rate", d.LearningRate, 0, exclusiveMin: true);
        return new OptimizerSettings
        {
            LearningRate = rate,
            MinimumLearningRate = o.Double("min_learning_rate", d.MinimumLearningRate, 0, rate),
            WarmupSteps = o.Int("warmup_steps", d.WarmupSteps, 0),
            WeightDecay = o.Double("weight_decay", d.WeightDecay, 0),
            Beta1 = o.Double("beta1", d.Beta1, 0, 0.999999),
            Beta2 = o.Double("beta2", d.Beta2, 0, 0.999999),
            AdamEpsilon = o.Double("adam_epsilon", d.AdamEpsilon, 0, exclusiveMin: true),
            MaxGradientNorm = o.Double("max_grad_norm", d.MaxGradientNorm, 0),
        };
    }
}
