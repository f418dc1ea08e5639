using System.Text.Json;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Model;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Tests.Cli;
using Vigil.Tests.Safety.Policy;

namespace Vigil.Tests.Safety.Training;

public sealed class SafetyLadderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-ladder-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Problems = Enumerable.Range(0, 12).Select(i => $"What is {i} + {i % 5}?").ToArray();

    private string WriteRun()
    {
        var policy = Path.Combine(_dir, "policy");
        var corpus = Problems.Select((p, i) => $"<|user|>{p}<|end|><|assistant|><think>{i} + {i % 5} = {i + i % 5}.</think>\\boxed{{{i + i % 5}}}<|end|>");
        var tokenizer = new BpeTrainer(300, BpeTrainer.DemoSpecialTokens).Train(corpus);
        Directory.CreateDirectory(policy);
        tokenizer.Save(Path.Combine(policy, "tokenizer.json"));
        using (var model = TinyPolicies.Randomise(new TransformerLanguageModel(TinyPolicies.Config(TransformerConfig.Qwen2) with
               { VocabSize = tokenizer.VocabularySize, EosTokenIds = [tokenizer.EndOfSequenceId] }), seed: 5))
            PolicyCheckpoint.Save(model, policy);
        File.WriteAllLines(Path.Combine(_dir, "sft.jsonl"), Problems.Select((p, i) =>
            JsonSerializer.Serialize(new { prompt = p, response = $"<think>{i} + {i % 5} = {i + i % 5}.</think>\\boxed{{{i + i % 5}}}" })));
        File.WriteAllLines(Path.Combine(_dir, "rl.jsonl"), Problems.Select((p, i) => JsonSerializer.Serialize(new { prompt = p, reference = $"{i + i % 5}" })));
        File.WriteAllText(Path.Combine(_dir, "recipe.json"),
            """{ "name": "math", "format": { "verifier": "think_format", "weight": 0.5 }, "labels": { "math": { "verifiers": [ { "name": "boxed_answer", "weight": 1 } ] } } }""");
        var config = Path.Combine(_dir, "ladder.json");
        File.WriteAllText(config, """
        { "name": "cli", "policy": "policy", "output": "run", "stages": [
            { "name": "cot-sft", "kind": "sft", "data": [ { "path": "sft.jsonl" } ], "steps": 2, "micro_batch_size": 4, "optimizer": { "learning_rate": 0.003 } },
            { "name": "rl", "kind": "grpo", "recipe": "recipe.json", "data": [ { "path": "rl.jsonl", "label": "math" } ], "steps": 2,
              "prompts_per_step": 2, "group_size": 2, "sampling": { "max_new_tokens": 6 }, "optimizer": { "learning_rate": 0.001 } } ] }
        """);
        return config;
    }

    [Fact]
    public void Ladder_runs_every_stage_writes_json_and_resumes_only_when_asked()
    {
        var config = WriteRun();
        var r = VigilProcess.Run("safety", "ladder", "--config", config, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using (var doc = JsonDocument.Parse(r.Stdout))
        {
            Assert.True(doc.RootElement.GetProperty("completed").GetBoolean());
            var stages = doc.RootElement.GetProperty("stages").EnumerateArray().ToArray();
            Assert.Equal(new[] { "completed", "completed" }, stages.Select(s => s.GetProperty("status").GetString()));
            Assert.Equal(2, stages[1].GetProperty("last_step").GetProperty("groups").GetInt32());
            Assert.True(stages[1].GetProperty("last_step").GetProperty("reward_parts").TryGetProperty("boxed_answer", out _));
            var final = stages[1].GetProperty("final_policy").GetString()!;
            Assert.True(File.Exists(Path.Combine(final, "tokenizer.json")) && File.Exists(Path.Combine(final, PolicyCheckpoint.WeightsFile)));
            Assert.Equal(2, File.ReadAllLines(stages[1].GetProperty("log").GetString()!).Length);
        }
        var again = VigilProcess.Run("safety", "ladder", "--config", config, "--json");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Stderr);
        var resumed = VigilProcess.Run("safety", "ladder", "--config", config, "--resume", "--json");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        using var resumedDoc = JsonDocument.Parse(resumed.Stdout);
        Assert.All(resumedDoc.RootElement.GetProperty("stages").EnumerateArray(), s => Assert.Equal("skipped", s.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_bad_config_fails_naming_the_file_and_the_field()
    {
        var config = Path.Combine(_dir, "bad.json");
        File.WriteAllText(config, """{ "name": "x", "policy": "p", "stages": [ { "name": "s", "kind": "sft", "data": [ { "path": "d" } ], "steps": 0 } ] }""");
        var r = VigilProcess.Run("safety", "ladder", "--config", config, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains(config, r.Stderr.Replace("\n", ""));
        Assert.Contains("$.stages[0].steps", r.Stderr.Replace("\n", ""));
    }
}
