using System.Text.Json;
using Microsoft.Extensions.AI;
using Vigil.Core;
using Vigil.Safety.Data;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Serving;
using Vigil.Safety.Suites;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Safety;

/// <summary><c>vigil safety eval --suite … --model DIR</c>: a saved policy checkpoint run in-process.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public sealed class SafetyEvalInProcessPolicyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-inprocess-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [DataFileFact("safety", "xstest", "xstest_prompts.csv")]
    public async Task A_checkpoint_folder_is_run_in_process_over_the_suite()
    {
        // The small untrained default policy, saved in the Hugging Face layout.
        using (var untrained = ServedPolicy.Untrained())
        {
            var generator = Assert.IsType<PolicyTextGenerator>(untrained.Client.GetService<ITextGenerator>());
            PolicyCheckpoint.Save(generator.Model, _dir);
            Assert.IsType<BpeTextTokenizer>(generator.Tokenizer).Save(Path.Combine(_dir, ServedPolicy.TokenizerFile));
        }
        var safety = Path.Combine(DataDirectory.Find()!, "safety");
        var saved = Path.Combine(_dir, "answers.json");
        var r = VigilProcess.Run("safety", "eval", "--suite", "xstest", "--limit", "3", "--data", safety, "--model", _dir, "--max-tokens", "6",
            "--verifier", "substring", "--save-completions", saved, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("items").GetArrayLength());
        var answers = CompletionsFile.Read(saved);
        var prompts = SafetySuites.Load(safety, "xstest", 3, 0);
        Assert.Equal(prompts.Select(p => p.Prompt), answers.Select(a => a.Prompt));
        Assert.All(answers, a => Assert.Equal(Path.GetFileName(_dir), a.Model));
        // Each answer is what the same checkpoint gives greedily for that prompt.
        using var policy = ServedPolicy.Open(_dir);
        foreach (var (prompt, answer) in prompts.Zip(answers))
        {
            var reply = await policy.Client.GetResponseAsync([new ChatMessage(Microsoft.Extensions.AI.ChatRole.User, prompt.Prompt)], new ChatOptions { MaxOutputTokens = 6, Temperature = 0 });
            Assert.Equal(reply.Text, answer.Response);
        }
    }
}
