using Vigil.Safety.Policy;
using Vigil.Safety.Training.Grpo;
using Vigil.Safety.Training.Ladder;
using Vigil.Safety.Training.Objectives;
using Vigil.Safety.Training.Sft;
using Vigil.Safety.Verification;

namespace Vigil.Tests.Safety.Training;

/// <summary>Test tokenizer: id 0 pads, 1 ends; the characters of <see cref="Alphabet"/> are ids 2…; anything else is dropped.</summary>
internal sealed class CharTokenizer : ITextTokenizer
{
    public const string Alphabet = "3ab|";

    public int VocabularySize => Alphabet.Length + 2;
    public int EndOfSequenceId => 1;
    public int PaddingId => 0;

    public IReadOnlyList<int> Encode(string text) => text.Where(c => Alphabet.Contains(c)).Select(c => Alphabet.IndexOf(c) + 2).ToArray();

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) =>
        string.Join(" ", ids.Where(i => i >= 2).Select(i => Alphabet[i - 2].ToString()));
}

/// <summary>Opens and saves <see cref="TinyCausalLm"/> policies as a single weights file.</summary>
internal sealed class TinyPolicyStore : IPolicyStore
{
    public LadderPolicy Open(string directory)
    {
        var tokenizer = new CharTokenizer();
        var model = new TinyCausalLm(tokenizer.VocabularySize, 8, seed: 11);
        model.load(Path.Combine(directory, "weights.dat"));
        return new LadderPolicy(model, tokenizer, new TinySampler(model, ids => tokenizer.Decode(ids)));
    }

    public void Save(LadderPolicy policy, string directory)
    {
        Directory.CreateDirectory(directory);
        policy.Model.Module.save(Path.Combine(directory, "weights.dat"));
    }
}

[Collection(TorchGlobalRngCollection.Name)]
public sealed class LadderRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-ladder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Setup(string output)
    {
        var policy = Path.Combine(_dir, "policy");
        if (!Directory.Exists(policy))
        {
            var tokenizer = new CharTokenizer();
            var model = new TinyCausalLm(tokenizer.VocabularySize, 8, seed: 4);
            new TinyPolicyStore().Save(new LadderPolicy(model, tokenizer, new TinySampler(model)), policy);
            File.WriteAllLines(Path.Combine(_dir, "sft.jsonl"), new[] { """{"prompt": "a", "response": "b3"}""", """{"prompt": "ab", "response": "3"}""", """{"prompt": "b", "response": "a3"}""" });
            File.WriteAllLines(Path.Combine(_dir, "rl.jsonl"), new[] { """{"prompt": "a"}""", """{"prompt": "b", "label": "count"}""" });
            File.WriteAllText(Path.Combine(_dir, "recipe.json"), """{ "name": "threes", "labels": { "count": { "verifiers": [ { "name": "says_three", "weight": 1 } ] } } }""");
        }
        var config = Path.Combine(_dir, output + ".json");
        File.WriteAllText(config, $$"""
        {
          "name": "tiny", "policy": "policy", "output": "{{output}}", "seed": 2,
          "stages": [
            { "name": "sft", "kind": "sft", "data": [ { "path": "sft.jsonl" } ], "steps": 3, "micro_batch_size": 2,
              "checkpoint_every": 2, "optimizer": { "learning_rate": 0.05 } },
            { "name": "rl", "kind": "grpo", "recipe": "recipe.json", "data": [ { "path": "rl.jsonl", "label": "count" } ],
              "steps": 4, "prompts_per_step": 2, "group_size": 4, "checkpoint_every": 3, "dynamic_sampling": true,
              "sampling": { "max_new_tokens": 3 }, "optimizer": { "learning_rate": 0.05 } }
          ]
        }
        """);
        return config;
    }

    private static LadderRunner Runner(LadderConfig config, Action<LadderStepEvent>? onStep = null) =>
        new(config, new TinyPolicyStore(), _ => new IVerifier[] { new SaysThreeVerifier() }) { OnStep = onStep };

    private static float[] FinalWeights(LadderOutcome outcome) =>
        ((TinyCausalLm)new TinyPolicyStore().Open(outcome.Stages[^1].FinalPolicy!).Model).Flatten();

    [Fact]
    public void A_ladder_interrupted_mid_stage_resumes_to_the_same_policy()
    {
        var straight = Runner(LadderConfig.Load(Setup("straight"))).Run(resume: false);
        Assert.True(straight.Completed);
        Assert.Equal(new[] { StageStatus.Completed, StageStatus.Completed }, straight.Stages.Select(s => s.Status));

        var config = LadderConfig.Load(Setup("interrupted"));
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        var first = Runner(config, e => { if (++seen == 5) cancel.Cancel(); }).Run(resume: false, cancel.Token);
        Assert.False(first.Completed);
        Assert.Equal(new[] { StageStatus.Completed, StageStatus.Interrupted }, first.Stages.Select(s => s.Status));
        Assert.Equal(2, first.Stages[1].Steps);
        Assert.Throws<InvalidOperationException>(() => Runner(config).Run(resume: false));

        var resumed = Runner(config).Run(resume: true);
        Assert.True(resumed.Completed);
        Assert.Equal(new[] { StageStatus.Skipped, StageStatus.Completed }, resumed.Stages.Select(s => s.Status));
        Assert.Equal(FinalWeights(straight), FinalWeights(resumed));
        Assert.Equal(File.ReadAllLines(straight.Stages[1].Log).Length, File.ReadAllLines(resumed.Stages[1].Log).Length);
    }

    [Fact]
    public void The_config_reads_every_field_and_resolves_paths_against_its_file()
    {
        var config = LadderConfig.Parse("""
        { "name": "x", "policy": "p", "chat_template": "chatml",
          "stages": [ { "name": "rl", "kind": "grpo", "recipe": "r.json", "data": [ { "path": "d.jsonl", "weight": 2, "label": "safety" } ],
                        "steps": 5, "group_size": 4, "loss": "ppo_clip", "aggregation": "sequence_mean", "kl_coefficient": 0.01,
                        "overlong": { "max_length": 64, "buffer": 16, "penalty": 0.5 }, "length_reward": { "weight": 0.3, "gate": 0.9 } } ] }
        """, "cfg.json", "/base");
        var g = config.Stages[0].Grpo!;
        Assert.Equal(ChatTemplate.ChatML, config.Template);
        Assert.Equal("/base/p", config.PolicyPath);
        Assert.Equal("/base/x-run", config.OutputDirectory);
        Assert.Equal("/base/r.json", config.Stages[0].RecipePath);
        Assert.Equal(new DataSource("/base/d.jsonl", 2, "safety"), config.Stages[0].Data[0]);
        Assert.Equal((5, 4, PolicyLossKind.PpoClip, LossAggregation.SequenceMean, 0.01), (g.TotalSteps, g.GroupSize, g.Loss, g.Aggregation, g.KlCoefficient));
        Assert.Equal(new OverlongPenalty(64, 16, 0.5), g.Overlong);
        Assert.Equal(new LengthEfficiencyReward(0.3, 0.9), g.LengthReward);
    }

    [Theory]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "grpo", "recipe": "r", "data": [ { "path": "d" } ], "steps": 3, "group_size": 1 } ] }""", "$.stages[0].group_size", "≥ 2")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "sft", "data": [ { "path": "d" } ], "steps": 3, "group_size": 4 } ] }""", "$.stages[0].group_size", "unknown field")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "dpo", "data": [ { "path": "d" } ], "steps": 3 } ] }""", "$.stages[0].kind", "sft, grpo")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "grpo", "data": [ { "path": "d" } ], "steps": 3 } ] }""", "$.stages[0]", "missing \"recipe\"")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "sft", "data": [ { "path": "d", "weight": 0 } ], "steps": 3 } ] }""", "$.stages[0].data[0].weight", "> 0")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [] }""", "$.stages", "must not be empty")]
    [InlineData("""{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "grpo", "recipe": "r", "data": [ { "path": "d" } ], "steps": 3, "overlong": { "max_length": 8, "buffer": 9 } } ] }""", "$.stages[0].overlong.buffer", "≤ max_length")]
    public void A_bad_config_names_the_file_and_the_field(string json, string field, string problem)
    {
        var e = Assert.Throws<LadderConfigException>(() => LadderConfig.Parse(json, "bad.json", "/base"));
        Assert.StartsWith("bad.json: " + field, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_data_mix_follows_the_weights()
    {
        var a = Enumerable.Range(0, 10).Select(i => $"a{i}").ToArray();
        var b = Enumerable.Range(0, 20).Select(i => $"b{i}").ToArray();
        var mixed = DataMix.Combine(new (IReadOnlyList<string>, double)[] { (a, 2), (b, 1) }, seed: 1);
        // 30 items in all: 30·2/3 = 20 from a (each of its 10 twice), 30/3 = 10 from b, all distinct.
        Assert.Equal(20, mixed.Count(x => x[0] == 'a'));
        Assert.Equal(10, mixed.Count(x => x[0] == 'b'));
        Assert.Equal(10, mixed.Where(x => x[0] == 'b').Distinct().Count());
        Assert.Equal(10, mixed.Where(x => x[0] == 'a').Distinct().Count());
        Assert.Equal(mixed, DataMix.Combine(new (IReadOnlyList<string>, double)[] { (a, 2), (b, 1) }, seed: 1));
    }
}
