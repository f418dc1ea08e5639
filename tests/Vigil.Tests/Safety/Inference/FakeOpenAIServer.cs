using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Tests.Safety.Inference;

/// <summary>
/// A minimal OpenAI-compatible <c>/v1/chat/completions</c> endpoint on loopback for process tests: the reply is a
/// function of the request's messages (role, content); usage counts reply characters as tokens. Records each request body.
/// </summary>
internal sealed class FakeOpenAIServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<IReadOnlyList<(string Role, string Content)>, string> _reply;
    private readonly Task _loop;

    public FakeOpenAIServer(Func<IReadOnlyList<(string Role, string Content)>, string> reply)
    {
        _reply = reply;
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }
    public List<JsonNode> Requests { get; } = new();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            lock (Requests) Requests.Add(body);
            var messages = body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"]))).ToArray();
            var text = _reply(messages);
            var response = new JsonObject
            {
                ["id"] = "chatcmpl-test", ["object"] = "chat.completion", ["created"] = 0, ["model"] = body["model"]?.GetValue<string>() ?? "m",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = text.Length, ["total_tokens"] = text.Length + 1 },
            };
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>Content is a string or a list of text parts.</summary>
    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
