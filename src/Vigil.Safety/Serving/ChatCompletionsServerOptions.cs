using System.Net;

namespace Vigil.Safety.Serving;

/// <summary>Where and how <see cref="ChatCompletionsServer"/> listens, and the limits it enforces on requests.</summary>
public sealed record ChatCompletionsServerOptions
{
    /// <summary>An IP address or "localhost". Anything but loopback requires <see cref="ApiKey"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="ChatCompletionsServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = 8000;

    /// <summary>When set, every request must carry <c>Authorization: Bearer KEY</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The model name served; default: the client's <c>ChatClientMetadata.DefaultModelId</c>.</summary>
    public string? ModelId { get; init; }

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>Largest max_tokens / max_completion_tokens accepted; larger ones get 400. Also the default when a request sets none.</summary>
    public int MaxCompletionTokens { get; init; } = 512;

    /// <summary>Longest conversation accepted, in characters of message text; longer ones get 400.</summary>
    public int MaxPromptCharacters { get; init; } = 32_768;

    /// <summary>Write one structured (JSON) log line per request to stderr.</summary>
    public bool LogRequests { get; init; } = true;

    /// <summary>How long shutdown waits for requests in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The address to bind: loopback for "localhost", else the parsed IP address.</summary>
    public IPAddress BindAddress()
    {
        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(Host, out var address)) return address;
        throw new ArgumentException($"--host must be an IP address or localhost, not '{Host}'.", nameof(Host));
    }

    /// <summary>Checks the options, refusing a non-loopback address without an API key.</summary>
    public void Validate()
    {
        var address = BindAddress();
        if (Port is < 0 or > 65535) throw new ArgumentException($"Port must be between 0 and 65535, not {Port}.", nameof(Port));
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(ApiKey))
            throw new InvalidOperationException(
                $"Refusing to serve on {Host} without an API key: anyone who can reach that address could use the model. Pass an API key, or bind to 127.0.0.1.");
        if (ApiKey is { } key && string.IsNullOrWhiteSpace(key)) throw new ArgumentException("The API key is blank.", nameof(ApiKey));
        if (MaxRequestBytes < 1) throw new ArgumentException($"MaxRequestBytes must be positive, not {MaxRequestBytes}.", nameof(MaxRequestBytes));
        if (MaxCompletionTokens < 1) throw new ArgumentException($"MaxCompletionTokens must be positive, not {MaxCompletionTokens}.", nameof(MaxCompletionTokens));
        if (MaxPromptCharacters < 1) throw new ArgumentException($"MaxPromptCharacters must be positive, not {MaxPromptCharacters}.", nameof(MaxPromptCharacters));
    }
}
