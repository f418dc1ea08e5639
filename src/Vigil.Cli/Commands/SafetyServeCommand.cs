using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Safety.Serving;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil safety serve</c>: an OpenAI-compatible <c>/v1/chat/completions</c> endpoint for a policy, loopback-only
/// unless an API key is given. stdout gets one line, the base URL clients use (so <c>--port 0</c> can be scripted);
/// the startup line and one JSON log line per request go to stderr.
/// </summary>
public static class SafetyServeCommand
{
    public const string ApiKeyVariable = "VIGIL_API_KEY";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one (the URL is printed on stdout).", DefaultValueFactory = _ => 8000 };
        var host = new Option<string>("--host") { Description = "Address to listen on. Anything but loopback requires an API key.", DefaultValueFactory = _ => "127.0.0.1" };
        var model = new Option<string?>("--model")
        {
            Description = "Policy directory in Hugging Face layout (config.json, model.safetensors, tokenizer.json); default: the built-in demo policy.",
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"Require 'Authorization: Bearer KEY' on every request; default: ${ApiKeyVariable} when set." };
        var template = new Option<string?>("--template") { Description = "Chat template: demo, chatml or llama3; default: recognised from the tokenizer's special tokens." };
        template.AcceptOnlyFromAmong([.. ServedPolicy.TemplateNames]);
        var name = new Option<string?>("--name") { Description = "Model name clients ask for; default: the model directory's name, or vigil-demo." };
        var maxTokens = new Option<int>("--max-tokens")
        {
            Description = "Largest max_tokens / max_completion_tokens a request may ask for; also the length when it asks for none.",
            DefaultValueFactory = _ => 512,
        };
        var cmd = new Command("serve", "Serve a policy as an OpenAI-compatible chat completions endpoint (GET /v1/models, POST /v1/chat/completions).")
        {
            port, host, model, apiKey, template, name, maxTokens,
        };
        cmd.SetAction(async (parse, cancellation) =>
        {
            var options = new ChatCompletionsServerOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ApiKey = parse.GetValue(apiKey) ?? NullIfEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)),
                MaxCompletionTokens = parse.GetValue(maxTokens),
                // System.CommandLine ends the process 2 s after Ctrl+C; requests in flight get most of that.
                ShutdownTimeout = TimeSpan.FromSeconds(1.5),
            };
            try
            {
                // Refuse an exposed address before spending time loading a model.
                options.Validate();
                using var policy = ServedPolicy.Open(parse.GetValue(model), parse.GetValue(template), parse.GetValue(name));
                await using var server = await ChatCompletionsServer.StartAsync(policy.Client, options with { ModelId = policy.Client.ModelId }, cancellation);
                Terminal.Info($"serving [bold]{Markup.Escape(policy.Client.ModelId)}[/] ({Markup.Escape(policy.Description)}) at {server.ApiAddress}" +
                              (options.ApiKey is null ? "" : " (API key required)") + "; Ctrl+C stops");
                Console.Out.WriteLine(server.ApiAddress);
                Console.Out.Flush();
                await server.WaitForShutdownAsync(cancellation);
                Terminal.Info("stopped");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
