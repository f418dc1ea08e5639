using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Vigil.Safety.Serving;

/// <summary>
/// An OpenAI-compatible chat endpoint for any <see cref="IChatClient"/>, on Kestrel in this process:
/// <c>GET /v1/models</c>, <c>GET /v1/models/{id}</c> and <c>POST /v1/chat/completions</c> (plain JSON or server-sent
/// events). Loopback-only unless an API key is set; request bodies, completion lengths and prompt lengths are capped;
/// every failure is answered with OpenAI's error JSON. Stopping waits for requests in flight.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    private static readonly Action<ILogger, string, string, int, long, Exception?> LogRequest = LoggerMessage.Define<string, string, int, long>(
        LogLevel.Information, new EventId(1, "Request"), "{Method} {Path} -> {Status} in {ElapsedMs} ms");
    private static readonly Action<ILogger, string, string, int, long, long?, long?, Exception?> LogCompletion = LoggerMessage.Define<string, string, int, long, long?, long?>(
        LogLevel.Information, new EventId(3, "Completion"), "{Method} {Path} -> {Status} in {ElapsedMs} ms: {PromptTokens} prompt tokens, {CompletionTokens} completion tokens");
    private static readonly Action<ILogger, string, Exception?> LogFailure = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(2, "Failure"), "request failed: {Path}");

    private const string UsageItem = "vigil.usage";

    private readonly WebApplication _app;
    private readonly IChatClient _client;
    private readonly ChatCompletionsServerOptions _options;
    private readonly byte[]? _key;
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private ChatCompletionsServer(WebApplication app, IChatClient client, ChatCompletionsServerOptions options, string modelId)
    {
        _app = app;
        _client = client;
        _options = options;
        ModelId = modelId;
        _key = options.ApiKey is { } key ? Encoding.UTF8.GetBytes(key) : null;
    }

    /// <summary>The served model name (what /v1/models lists and requests must name, if they name one).</summary>
    public string ModelId { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (the real port when 0 was asked for).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The OpenAI base URL clients are given, like https://api.openai.com/v1: <see cref="BaseAddress"/> + v1.</summary>
    public Uri ApiAddress => new(BaseAddress, "v1");

    /// <summary>Starts listening; throws <see cref="InvalidOperationException"/> for a non-loopback host without an API key.</summary>
    public static async Task<ChatCompletionsServer> StartAsync(IChatClient client, ChatCompletionsServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var modelId = options.ModelId ?? client.GetService<ChatClientMetadata>()?.DefaultModelId
            ?? throw new ArgumentException("The chat client names no model; set ModelId.", nameof(options));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.BindAddress(), options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        if (options.LogRequests)
        {
            // One JSON object per line on stderr, so stdout stays free for the URL a script reads.
            builder.Logging.AddJsonConsole(json => { json.UseUtcTimestamp = true; json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        var app = builder.Build();
        var server = new ChatCompletionsServer(app, client, options, modelId);
        server.Configure(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Safety.Serving"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Stops accepting requests and waits (up to the shutdown timeout) for those in flight.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Completes once the server has stopped (after <see cref="StopAsync"/> or the token firing).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Configure(ILogger log)
    {
        _app.Use(async (context, next) =>
        {
            long start = Stopwatch.GetTimestamp();
            try { await next(context).ConfigureAwait(false); }
            finally
            {
                var (method, path, status) = (context.Request.Method, context.Request.Path.ToString(), context.Response.StatusCode);
                long elapsed = (long)Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (context.Items[UsageItem] is UsageDetails usage) LogCompletion(log, method, path, status, elapsed, usage.InputTokenCount, usage.OutputTokenCount, null);
                else LogRequest(log, method, path, status, elapsed, null);
            }
        });
        _app.Use(async (context, next) =>
        {
            try { await next(context).ConfigureAwait(false); }
            catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException)
            {
                // The client went away; nobody is left to answer.
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                var error = AsApiError(e);
                if (error.Status >= 500) LogFailure(log, context.Request.Path, e);
                await WriteError(context, error).ConfigureAwait(false);
            }
        });
        if (_key is not null) _app.Use((context, next) => Authorized(context.Request) ? next(context) : throw Unauthorized(context.Request));

        _app.MapGet("/v1/models", context => WriteJson(context, ChatCompletionJson.Models(ModelId, _created)));
        _app.MapGet("/v1/models/{id}", context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            if (id != ModelId) throw new ChatApiException(404, $"The model '{id}' does not exist.", "model", "model_not_found");
            return WriteJson(context, ChatCompletionJson.SingleModel(ModelId, _created));
        });
        _app.MapPost("/v1/chat/completions", Completions);
        _app.MapFallback(context => throw new ChatApiException(404, $"Invalid URL ({context.Request.Method} {context.Request.Path}).", code: "unknown_url"));
    }

    private async Task Completions(HttpContext context)
    {
        var body = await ReadBody(context).ConfigureAwait(false);
        var request = ChatCompletionRequest.Parse(body, ModelId, _options);
        if (request.Stream) await Stream(context, request).ConfigureAwait(false);
        else
        {
            var response = await _client.GetResponseAsync(request.Messages, request.Options, context.RequestAborted).ConfigureAwait(false);
            context.Items[UsageItem] = response.Usage;
            var id = response.ResponseId ?? NewId();
            await WriteJson(context, ChatCompletionJson.Completion(response, id, ModelId, Created(response.CreatedAt))).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Server-sent events: a role chunk, one chunk per text update, a chunk with the finish reason, the usage chunk when
    /// asked for, then [DONE]. Nothing is sent before the first update, so a request the client rejects up front
    /// (prompt too long) still gets a proper status code.
    /// </summary>
    private async Task Stream(HttpContext context, ChatCompletionRequest request)
    {
        var cancellation = context.RequestAborted;
        string id = NewId();
        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        bool started = false;
        await using var updates = _client.GetStreamingResponseAsync(request.Messages, request.Options, cancellation).GetAsyncEnumerator(cancellation);
        while (true)
        {
            bool more;
            try { more = await updates.MoveNextAsync().ConfigureAwait(false); }
            catch (Exception e) when (started && !(e is OperationCanceledException && cancellation.IsCancellationRequested))
            {
                // Headers are gone; the error travels as an event, as OpenAI does mid-stream.
                var error = AsApiError(e);
                await Event(context, ChatCompletionJson.Error(error.Message, error.Type, error.Param, error.Code), cancellation).ConfigureAwait(false);
                return;
            }
            if (!more) break;
            if (!started)
            {
                context.Response.ContentType = "text/event-stream";
                context.Response.Headers.CacheControl = "no-cache";
                await Event(context, ChatCompletionJson.Chunk(id, ModelId, created, "assistant", "", null), cancellation).ConfigureAwait(false);
                started = true;
            }
            var update = updates.Current;
            if (update.FinishReason is { } reason) finish = reason;
            foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
            var text = update.Text;
            if (text.Length > 0) await Event(context, ChatCompletionJson.Chunk(id, ModelId, created, null, text, null), cancellation).ConfigureAwait(false);
        }
        if (!started)
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await Event(context, ChatCompletionJson.Chunk(id, ModelId, created, "assistant", "", null), cancellation).ConfigureAwait(false);
        }
        await Event(context, ChatCompletionJson.Chunk(id, ModelId, created, null, null, finish ?? ChatFinishReason.Stop), cancellation).ConfigureAwait(false);
        if (request.IncludeUsage) await Event(context, ChatCompletionJson.UsageChunk(id, ModelId, created, usage), cancellation).ConfigureAwait(false);
        context.Items[UsageItem] = usage;
        await context.Response.Body.WriteAsync(Done, cancellation).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private static async Task Event(HttpContext context, byte[] json, CancellationToken cancellation)
    {
        var body = context.Response.Body;
        await body.WriteAsync(DataPrefix, cancellation).ConfigureAwait(false);
        await body.WriteAsync(json, cancellation).ConfigureAwait(false);
        await body.WriteAsync(EventEnd, cancellation).ConfigureAwait(false);
        await body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadBody(HttpContext context)
    {
        if (context.Request.ContentLength > _options.MaxRequestBytes) throw TooLarge();
        using var buffer = new MemoryStream();
        try { await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { throw TooLarge(); }
        return buffer.ToArray();
    }

    private ChatApiException TooLarge() =>
        new(413, $"The request body is larger than this server accepts ({_options.MaxRequestBytes} bytes).", code: "request_too_large");

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _key);
    }

    private static ChatApiException Unauthorized(HttpRequest request) => request.Headers.Authorization.Count == 0
        ? new(401, "You didn't provide an API key. Send it as 'Authorization: Bearer KEY'.", code: "missing_api_key")
        : new(401, "Incorrect API key provided.", code: "invalid_api_key");

    private static ChatApiException AsApiError(Exception e) => e switch
    {
        ChatApiException api => api,
        PromptTooLongException tooLong => ChatApiException.Invalid(tooLong.Message, "messages", "context_length_exceeded"),
        // The chat client rejected the request's content (a role it cannot render, a bad option).
        ArgumentException bad => ChatApiException.Invalid(bad.Message, bad.ParamName),
        BadHttpRequestException http => new ChatApiException(http.StatusCode, http.Message),
        _ => new ChatApiException(500, "The server failed to generate a response.", code: null, type: "server_error"),
    };

    private static Task WriteError(HttpContext context, ChatApiException error)
    {
        context.Response.StatusCode = error.Status;
        return WriteJson(context, ChatCompletionJson.Error(error.Message, error.Type, error.Param, error.Code));
    }

    private static Task WriteJson(HttpContext context, byte[] json)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    private static string NewId() => "chatcmpl-" + Guid.NewGuid().ToString("N");

    private static long Created(DateTimeOffset? at) => (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
}
