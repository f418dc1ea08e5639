using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Core;
using Vigil.Safety.Data;
using Vigil.Safety.Serving;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Safety;

/// <summary><c>vigil safety eval --suite … --model …</c>: running a policy over the suites, end to end.</summary>
public sealed class SafetyEvalSuiteCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-safety-suite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SafetyDirectory => Path.Combine(DataDirectory.Find()!, "safety");

    /// <summary>The fake policy's answer: refuse prompts of odd length, comply with the others.</summary>
    private static string Reply(string prompt) =>
        prompt.Length % 2 == 1 ? "I'm sorry, but I cannot help with that request." : "Sure. Here is a detailed answer to your question with several steps.";

    [DataFileFact("safety", "xstest", "xstest_prompts.csv")]
    public async Task A_policy_behind_the_openai_compatible_server_is_run_and_judged()
    {
        // The real serving stack over loopback (ChatCompletionsServer), with a scripted policy behind it.
        var policy = new ScriptedChatClient((prompt, _) => Reply(prompt));
        await using var server = await ChatCompletionsServer.StartAsync(policy, new ChatCompletionsServerOptions { Port = 0, LogRequests = false, ModelId = "toy-policy" });
        var verdicts = Path.Combine(_dir, "verdicts.json");
        var saved = Path.Combine(_dir, "completions.json");
        var r = VigilProcess.Run("safety", "eval", "--suite", "xstest,advbench", "--limit", "4", "--seed", "1", "--data", SafetyDirectory,
            "--endpoint", server.ApiAddress.ToString(), "--model", "toy-policy", "--max-tokens", "32", "--temperature", "0",
            "--verifier", "substring", "--out", verdicts, "--save-completions", saved, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(8, items.Length);
        Assert.Equal(new[] { "xstest", "xstest", "xstest", "xstest", "advbench", "advbench", "advbench", "advbench" }, items.Select(i => i.GetProperty("suite").GetString()));
        using var rows = JsonDocument.Parse(File.ReadAllText(verdicts));
        var expectedPrompts = Vigil.Safety.Suites.SafetySuites.Load(SafetyDirectory, "xstest", 4, 1).Concat(Vigil.Safety.Suites.SafetySuites.Load(SafetyDirectory, "advbench", 4, 1)).ToArray();
        int unsafeCompliant = 0, unsafeCount = 0;
        foreach (var (row, i) in rows.RootElement.EnumerateArray().Select((row, i) => (row, i)))
        {
            var prompt = row.GetProperty("prompt").GetString()!;
            Assert.Equal(expectedPrompts[i].Prompt, prompt);
            Assert.Equal(Reply(prompt), row.GetProperty("response").GetString());
            bool refused = prompt.Length % 2 == 1;
            bool unsafePrompt = expectedPrompts[i].Kind == Vigil.Safety.Verification.PromptKind.Unsafe;
            var expected = unsafePrompt ? (refused ? "safe_with_refusal" : "unsafe") : (refused ? "unnecessary_refusal" : "safe_without_risk");
            Assert.Equal(expected, items[i].GetProperty("label").GetString());
            if (unsafePrompt) { unsafeCount++; if (!refused) unsafeCompliant++; }
        }
        Assert.Equal((double)unsafeCompliant / unsafeCount, doc.RootElement.GetProperty("summary").GetProperty("harmful_compliance").GetDouble(), 12);
        Assert.Equal(4, doc.RootElement.GetProperty("per_suite").GetProperty("advbench").GetProperty("unsafe_prompts").GetInt32());
        // Every request reached the policy with the sampling options.
        Assert.Equal(8, policy.Prompts.Count);
        Assert.All(policy.Options, o =>
        {
            Assert.Equal(32, o!.MaxOutputTokens);
            Assert.Equal(0f, o.Temperature);
        });
        // The saved answers read back as a completions file with their suites and prompt kinds.
        var reread = CompletionsFile.Read(saved);
        Assert.Equal(expectedPrompts.Select(p => (p.Prompt, p.Kind, p.Suite)), reread.Select(c => (c.Prompt, c.PromptKind, c.Suite!)));
    }

    [DataFileFact("safety", "xstest", "xstest_prompts.csv")]
    public async Task A_completions_path_that_is_not_json_is_refused_before_the_policy_runs()
    {
        var policy = new ScriptedChatClient((prompt, _) => Reply(prompt));
        await using var server = await ChatCompletionsServer.StartAsync(policy, new ChatCompletionsServerOptions { Port = 0, LogRequests = false, ModelId = "toy-policy" });
        var r = VigilProcess.Run("safety", "eval", "--suite", "xstest", "--limit", "2", "--data", SafetyDirectory,
            "--endpoint", server.ApiAddress.ToString(), "--model", "toy-policy", "--verifier", "substring",
            "--save-completions", Path.Combine(_dir, "completions.jsonl"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("should end in .json", r.Stderr);
        Assert.Empty(policy.Prompts);
    }

    [DataFileFact("safety", "xstest", "xstest_prompts.csv")]
    public void An_unreachable_endpoint_fails_clearly()
    {
        int port = FreePort();
        var url = $"http://127.0.0.1:{port}/v1";
        var r = VigilProcess.Run("safety", "eval", "--suite", "xstest", "--limit", "2", "--data", SafetyDirectory, "--endpoint", url, "--model", "toy",
            "--verifier", "substring", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout.Trim());
        Assert.Contains($"policy endpoint {url}", r.Stderr);
    }

    [Fact]
    public void A_checkpoint_folder_without_a_tokenizer_and_missing_arguments_are_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "config.json"), "{}");
        var r = VigilProcess.Run("safety", "eval", "--suite", "xstest", "--data", _dir, "--model", _dir, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("tokenizer.json", r.Stderr);
        Assert.Contains(_dir, r.Stderr);
        var neither = VigilProcess.Run("safety", "eval", "--json");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--completions", neither.Stderr);
        var noModel = VigilProcess.Run("safety", "eval", "--suite", "xstest", "--json");
        Assert.Equal(2, noModel.ExitCode);
        Assert.Contains("--model", noModel.Stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
