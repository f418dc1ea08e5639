using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Vigil.Safety.Serving;

namespace Vigil.Cli.Commands;

/// <summary>
/// The policy that <c>vigil safety eval --suite</c> runs: a model behind an OpenAI-compatible endpoint
/// (<c>--endpoint URL --model NAME</c>), or an in-process Hugging Face-layout checkpoint (<c>--model DIR</c>).
/// Disposing it releases the client and whatever the client runs on.
/// </summary>
internal sealed class SafetyPolicyClient : IDisposable
{
    private readonly IDisposable? _owner;

    private SafetyPolicyClient(IChatClient client, IDisposable? owner)
    {
        Client = client;
        _owner = owner;
    }

    public IChatClient Client { get; }

    /// <summary>
    /// The chat client for the options given; throws <see cref="ArgumentException"/> naming what is missing or wrong,
    /// and the checkpoint loader's errors for an unreadable folder.
    /// </summary>
    public static SafetyPolicyClient Open(string? endpoint, string? apiKey, string model)
    {
        if (string.IsNullOrWhiteSpace(model)) throw new ArgumentException("--suite needs --model: a model name served at --endpoint, or a checkpoint directory.");
        if (endpoint is not null) return new SafetyPolicyClient(OpenAiCompatible(endpoint, apiKey, model), null);
        if (Directory.Exists(model))
        {
            if (!File.Exists(Path.Combine(model, "config.json")))
                throw new ArgumentException($"{model}: not a Hugging Face-layout policy checkpoint (no config.json).");
            // The checkpoint (with its tokenizer.json; chat template recognised from its special tokens) runs in this process.
            var served = ServedPolicy.Open(model);
            return new SafetyPolicyClient(served.Client, served);
        }
        throw new ArgumentException($"--model {model}: no such checkpoint directory; to use a served model, also pass --endpoint URL.");
    }

    private static IChatClient OpenAiCompatible(string endpoint, string? apiKey, string model)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"--endpoint {endpoint}: expected an http(s) URL such as http://localhost:8000/v1.");
        var options = new OpenAIClientOptions
        {
            Endpoint = uri,
            // One retry: a refused connection should fail the run in seconds, not after the SDK's default backoff.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
            NetworkTimeout = TimeSpan.FromMinutes(5),
        };
        // Local servers usually ignore the key, but the client requires one.
        var key = new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } k ? k : "unused" : apiKey);
        return new OpenAIClient(key, options).GetChatClient(model).AsIChatClient();
    }

    public void Dispose()
    {
        // An in-process policy disposes its own client along with the model.
        if (_owner is null) Client.Dispose();
        else _owner.Dispose();
    }
}
