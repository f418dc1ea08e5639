using Vigil.Cli.Commands;
using Vigil.Safety.Inference.Interactive;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Inference;

public sealed class InteractiveSessionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-chat-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A model that proposes "step N (after LAST)" and, after three steps, closes its reasoning and answers with the steps it saw.</summary>
    private static ScriptedTextGenerator Counting() => new((assistant, _) =>
    {
        if (assistant.EndsWith("</think>", StringComparison.Ordinal))
            return "answer from [" + string.Join("|", ReasoningTrace.Parse("", assistant[..^8]).Steps) + "]<|end|>";
        var seen = ReasoningTrace.Parse("", assistant).Steps;
        return seen.Count >= 3 ? "</think>" : $"step {seen.Count + 1} (after {(seen.Count == 0 ? "start" : seen[^1])})\n";
    });

    private static TextGeneratorStepGenerator Steps(ScriptedTextGenerator model) => new(model, ChatTemplate.Demo, new SamplingOptions());

    [Fact]
    public async Task Edits_resume_from_the_edited_prefix_and_are_logged_with_before_and_after()
    {
        var model = Counting();
        var logPath = Path.Combine(_dir, "edits.jsonl");
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var session = new InteractiveSession(Steps(model), "q", log: new EditLog(logPath), clock: clock);
        session.Accept((await session.ProposeAsync())[0]);
        var second = (await session.ProposeAsync())[0];
        Assert.Equal("step 2 (after step 1 (after start))", second.Step);
        session.AcceptEdited(second, "my step two");
        Assert.Equal("step 3 (after my step two)", (await session.ProposeAsync())[0].Step);
        session.Replace(0, "fresh start");
        Assert.Equal(new[] { "fresh start" }, session.Trace.Steps);
        Assert.Equal("step 2 (after fresh start)", (await session.ProposeAsync())[0].Step);
        Assert.EndsWith("<think>\nfresh start\n", model.Prompts[^1]);

        var logged = EditLog.Read(logPath);
        Assert.Equal(session.Edits, logged);
        Assert.Equal(new EditRecord(clock.Now, "q", 1, EditKind.Edit, "step 2 (after step 1 (after start))", "my step two"), logged[0]);
        Assert.Equal(new EditRecord(clock.Now, "q", 0, EditKind.Replace, "step 1 (after start)", "fresh start"), logged[1]);
        Assert.Contains("\"kind\":\"replace\"", File.ReadAllLines(logPath)[1]);
    }

    [Fact]
    public async Task Chat_loop_scripted_through_stdin_accepts_edits_replaces_and_finishes()
    {
        var model = Counting();
        var logPath = Path.Combine(_dir, "chat.jsonl");
        // Prompt; accept step 1; edit step 2; replace step 1 (drops step 2); accept three proposals (two steps, then the answer).
        var script = string.Join("\n", "How?", "", "e", "edited two", "r 1", "new one", "", "", "", "");
        var output = new StringWriter();
        var display = new StringWriter();
        int code = SafetyChatCommand.Run(Steps(model), StepFormat.Lines, null, logPath, 16, json: false, new StringReader(script), output, display);
        Assert.Equal(0, code);
        Assert.Equal("answer from [new one|step 2 (after new one)|step 3 (after step 2 (after new one))]", output.ToString().Trim());
        var shown = display.ToString();
        Assert.Contains("step 1: step 1 (after start)", shown);
        Assert.Contains("step 2: step 2 (after step 1 (after start))", shown);
        Assert.Contains("step 2: step 2 (after new one)", shown);
        var edits = EditLog.Read(logPath);
        Assert.Equal(new[] { EditKind.Edit, EditKind.Replace }, edits.Select(e => e.Kind));
        Assert.Equal(("step 1 (after start)", "new one"), (edits[1].Before, edits[1].After));
    }

    [Fact]
    public void Chat_loop_quits_on_q_and_reports_json()
    {
        var output = new StringWriter();
        int code = SafetyChatCommand.Run(Steps(Counting()), StepFormat.Lines, "q?", null, 16, json: true, new StringReader("\nq\n"), output, new StringWriter());
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.False(doc.RootElement.GetProperty("finished").GetBoolean());
        Assert.Equal(new[] { "step 1 (after start)" }, doc.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        // Two proposals were generated: the accepted step 1 and the step 2 the person quit at.
        Assert.Equal("step 1 (after start)\n".Length + "step 2 (after step 1 (after start))\n".Length, doc.RootElement.GetProperty("generated_tokens").GetInt64());
    }

    [Fact]
    public void Chat_command_is_driven_through_stdin_against_an_openai_compatible_endpoint()
    {
        // The server continues the partial assistant message it is sent, as the counting model does.
        using var server = new FakeOpenAIServer(messages =>
        {
            var assistant = messages[^1].Role == "assistant" ? messages[^1].Content : "";
            if (assistant.EndsWith("</think>", StringComparison.Ordinal))
                return "answer from [" + string.Join("|", ReasoningTrace.Parse("", assistant[..^8]).Steps) + "]";
            var seen = ReasoningTrace.Parse("", assistant).Steps;
            return seen.Count >= 2 ? "</think>" : $"step {seen.Count + 1}";
        });
        var log = Path.Combine(_dir, "cli.jsonl");
        // Prompt line, accept step 1, edit step 2, accept the closing proposal (which carries the answer).
        var r = Vigil.Tests.Cli.VigilProcess.RunWithInput("Why?\n\ne\nmy step\n\n",
            "safety", "chat", "--endpoint", server.BaseUrl, "--model-name", "fixture", "--log", log, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.Equal("answer from [step 1|my step]", doc.RootElement.GetProperty("answer").GetString());
        Assert.True(doc.RootElement.GetProperty("finished").GetBoolean());
        Assert.Contains("step 2: step 2", r.Stderr);
        var edit = Assert.Single(EditLog.Read(log));
        Assert.Equal((1, "step 2", "my step"), (edit.Step!.Value, edit.Before, edit.After));
        // Usage from the server counts the tokens: "step 1", "step 2", "</think>" and the answer.
        Assert.Equal("step 1".Length + "step 2".Length + "</think>".Length + "answer from [step 1|my step]".Length,
            doc.RootElement.GetProperty("generated_tokens").GetInt64());
        var stepRequest = server.Requests[0];
        Assert.Equal("fixture", stepRequest["model"]!.GetValue<string>());
        Assert.Equal("\n", stepRequest["stop"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Chat_command_runs_an_in_process_policy_folder()
    {
        var folder = TinyPolicyFolder(_dir);
        // Accept the first proposal, then quit at the second.
        var r = Vigil.Tests.Cli.VigilProcess.RunWithInput("\nq\n", "safety", "chat", "--model", folder, "--prompt", "hi", "--max-tokens", "4", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("finished").GetBoolean());
        Assert.InRange(doc.RootElement.GetProperty("generated_tokens").GetInt64(), 2, 16);
        Assert.Contains("step 1:", r.Stderr);
    }

    /// <summary>A random tiny policy with a tokenizer trained on a few words: its text is noise, but it loads like a real policy folder.</summary>
    internal static string TinyPolicyFolder(string parent)
    {
        var tokenizer = new Vigil.Safety.Policy.Tokenization.BpeTrainer(280, Vigil.Safety.Policy.Tokenization.BpeTrainer.DemoSpecialTokens)
            .Learn(new[] { "the cat sat on the mat", "safe steps think" });
        var folder = Path.Combine(parent, "policy");
        Directory.CreateDirectory(folder);
        Vigil.Safety.Policy.Tokenization.TokenizerJsonFile.Write(tokenizer, Path.Combine(folder, "tokenizer.json"));
        int vocabulary = new Vigil.Safety.Policy.Tokenization.BpeTextTokenizer(tokenizer).VocabularySize;
        var config = Vigil.Tests.Safety.Policy.TinyPolicies.Config(Vigil.Safety.Policy.Model.TransformerConfig.Qwen2) with { VocabSize = vocabulary };
        using var model = Vigil.Tests.Safety.Policy.TinyPolicies.Randomise(new Vigil.Safety.Policy.Model.TransformerLanguageModel(config), seed: 5);
        Vigil.Safety.Policy.Checkpoints.PolicyCheckpoint.Save(model, folder);
        return folder;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;
        public override DateTimeOffset GetUtcNow() => now;
    }
}
