using System.ClientModel;
using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using Vigil.Cli.Output;
using Vigil.Safety.Inference.Interactive;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Policy;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety chat</c>: human-in-the-loop reasoning. Each reasoning step is shown as the model makes it; the
/// person accepts, edits, replaces or inserts steps (commands in <see cref="SafetyChatLoop"/>, read from stdin so a
/// script can drive it) and generation resumes from the edited prefix. Edits go to --log as JSONL. The final answer
/// goes to stdout (or, with --json, one document with the trace and the edits); everything else to stderr.
/// </summary>
public static class SafetyChatCommand
{
    public static Command Create()
    {
        var policy = new SafetyPolicyOptions();
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible server base URL (e.g. http://127.0.0.1:8000/v1) whose model continues partial assistant messages." };
        var modelName = new Option<string>("--model-name") { Description = "Model name sent to --endpoint.", DefaultValueFactory = _ => "vigil" };
        var apiKey = new Option<string?>("--api-key") { Description = "API key for --endpoint (default: $OPENAI_API_KEY, else none)." };
        var prompt = new Option<string?>("--prompt") { Description = "The user's message; default: the first line of stdin." };
        var maxSteps = new Option<int>("--max-steps") { Description = "Steps before the model is made to answer.", DefaultValueFactory = _ => 16 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Tokens per generated step or answer.", DefaultValueFactory = _ => 256 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 0.7f };
        var seed = new Option<long>("--seed") { Description = "Sampling seed of an in-process policy (each step call advances it).", DefaultValueFactory = _ => 0 };
        var steps = SafetySearchEvalCommand.StepsOption("lines");
        var delimiter = new Option<string?>("--delimiter") { Description = "With --steps lines: a custom step delimiter (escapes \\n and \\t understood)." };
        var log = new Option<string?>("--log") { Description = "Append every edit (before/after text, timestamp) to this JSONL file." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document on stdout: prompt, steps, answer, finished, edits, generated tokens." };
        var cmd = new Command("chat", "Human-in-the-loop chain-of-thought: watch each reasoning step, accept (Enter), edit (e), replace (r N), insert (i) or quit (q).")
        {
            endpoint, modelName, apiKey, prompt, maxSteps, maxTokens, temperature, seed, steps, delimiter, log, json,
        };
        policy.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            try
            {
                var format = SafetySearchEvalCommand.Format(parse.GetValue(steps)!);
                if (parse.GetValue(delimiter) is { } custom)
                {
                    if (format != StepFormat.Lines) return Terminal.Fail("--delimiter goes with --steps lines.");
                    format = new StepFormat { Delimiter = Unescape(custom) }.Validated();
                }
                if (parse.GetValue(maxSteps) < 1) return Terminal.Fail("--max-steps must be at least 1.");
                int Chat(IStepGenerator steps) =>
                    Run(steps, format, parse.GetValue(prompt), parse.GetValue(log), parse.GetValue(maxSteps), parse.GetValue(json), Console.In, Console.Out, Console.Error);
                if (parse.GetValue(policy.Model) is { } directory)
                {
                    if (parse.GetValue(endpoint) is not null) return Terminal.Fail("Give --model or --endpoint, not both.");
                    var (model, generator) = SafetyPolicyOptions.Load(directory);
                    using (model)
                    {
                        var sampling = new SamplingOptions { Temperature = parse.GetValue(temperature), MaxNewTokens = parse.GetValue(maxTokens), Seed = parse.GetValue(seed) };
                        return Chat(new TextGeneratorStepGenerator(generator, policy.ChatTemplate(parse), sampling));
                    }
                }
                var url = parse.GetValue(endpoint) ?? throw new ArgumentException("Give --model (a policy folder) or --endpoint (an OpenAI-compatible server).");
                using var client = OpenChatClient(url, parse.GetValue(modelName)!, parse.GetValue(apiKey));
                return Chat(new ChatClientStepGenerator(client, new ChatOptions
                {
                    Temperature = parse.GetValue(temperature), MaxOutputTokens = parse.GetValue(maxTokens),
                }));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UriFormatException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException or ClientResultException or NotSupportedException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    /// <summary>The session on any step generator; returns the exit code (0 when an answer was reached or the person quit).</summary>
    internal static int Run(IStepGenerator steps, StepFormat format, string? prompt, string? logPath, int maxSteps, bool json, TextReader input, TextWriter output, TextWriter display)
    {
        if (prompt is null)
        {
            display.Write("you: ");
            prompt = input.ReadLine();
            display.WriteLine();
            if (string.IsNullOrWhiteSpace(prompt)) return Terminal.Fail("No prompt: give --prompt or a first line on stdin.");
        }
        var session = new InteractiveSession(steps, prompt, format, logPath is null ? null : new EditLog(logPath));
        bool finished = new SafetyChatLoop(session, input, display, maxSteps).RunAsync().GetAwaiter().GetResult();
        var trace = session.Trace;
        if (json)
            output.WriteLine(JsonSerializer.Serialize(new SafetyChatDocument(prompt, trace.Steps, trace.Answer?.Trim(), finished, session.Edits, session.GeneratedTokens), Terminal.JsonOptions));
        else if (finished) output.WriteLine(trace.Answer!.Trim());
        display.WriteLine($"{trace.Steps.Count} steps, {session.Edits.Count} edits, {session.GeneratedTokens} generated tokens{(finished ? "" : "; quit before an answer")}");
        return 0;
    }

    private static IChatClient OpenChatClient(string url, string model, string? key)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(url) };
        key ??= Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "none";
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), options).AsIChatClient();
    }

    private static string Unescape(string text) => text.Replace("\\n", "\n").Replace("\\t", "\t");
}

/// <summary>The JSON shape of <c>vigil safety chat --json</c>.</summary>
public sealed record SafetyChatDocument(string Prompt, IReadOnlyList<string> Steps, string? Answer, bool Finished, IReadOnlyList<EditRecord> Edits, long GeneratedTokens);
