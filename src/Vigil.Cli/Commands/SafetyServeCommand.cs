using Vigil.Safety.Verifiers.Learned;
using Vigil.Safety.Policy;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Inference.Search;
using Vigil.Safety.Inference.Scoring;
using Microsoft.Extensions.AI;
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
        var search = new Option<string>("--search")
        {
            Description = "Wrap the policy in deliberative search or intervention: none, best-of-n, weighted-best-of-n, beam, value-guided (scored by the learned safety verifier).",
            DefaultValueFactory = _ => "none",
        };
        search.AcceptOnlyFromAmong("none", "best-of-n", "weighted-best-of-n", "beam", "value-guided");
        var budget = new Option<int>("--budget") { Description = "Search budget: N samples, beam width or candidates per step.", DefaultValueFactory = _ => 4 };
        var cache = SafetyCommand.CacheOption();
        var cmd = new Command("serve", "Serve a policy as an OpenAI-compatible chat completions endpoint (GET /v1/models, POST /v1/chat/completions).")
        {
            port, host, model, apiKey, template, name, maxTokens, search, budget, cache,
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
                using var wrapped = Wrap(policy.Client, parse.GetValue(search)!, parse.GetValue(budget), parse.GetValue(cache)!);
                await using var server = await ChatCompletionsServer.StartAsync(wrapped?.Client ?? (IChatClient)policy.Client, options with { ModelId = policy.Client.ModelId }, cancellation);
                if (wrapped is not null) Terminal.Info($"every request runs {Markup.Escape(parse.GetValue(search)!)} with budget {parse.GetValue(budget)}, scored by the learned safety verifier");
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

    /// <summary>The policy wrapped in the chosen search (null for none), with the verifier it owns.</summary>
    private static SearchServing? Wrap(PolicyChatClient policy, string search, int budget, string cache)
    {
        if (search == "none") return null;
        if (budget < 1) throw new ArgumentException($"--budget must be at least 1, got {budget}.");
        var verifier = LearnedSafetyVerifier.Open(cacheDirectory: cache);
        var format = policy.Template == ChatTemplate.Demo ? StepFormat.Sentences : StepFormat.Lines;
        var steps = new TextGeneratorStepGenerator(policy.Generator, policy.Template, new SamplingOptions { Temperature = 0.8, MaxNewTokens = 96 });
        var scorer = new TraceScorer([WeightedVerifier.Gate(new SafeBehaviourVerifier(verifier))]);
        IInferenceMethod method = search switch
        {
            "best-of-n" => new BestOfN(steps, scorer, budget, weighted: false, format),
            "weighted-best-of-n" => new BestOfN(steps, scorer, budget, weighted: true, format),
            "beam" => new BeamSearch(steps, scorer, new BeamSearchOptions { Width = budget, Expansions = 2, MaxSteps = 6 }, format),
            _ => new ValueGuidedIntervention(steps, scorer, new ValueGuidedOptions { Candidates = budget, MaxSteps = 6 }, format),
        };
        return new SearchServing(new InferenceMethodChatClient(method, policy.ModelId), verifier);
    }

    private sealed record SearchServing(InferenceMethodChatClient Client, LearnedSafetyVerifier Verifier) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Verifier.Dispose();
        }
    }
}
