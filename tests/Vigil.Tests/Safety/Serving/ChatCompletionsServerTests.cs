using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using Vigil.Safety.Policy;
using Vigil.Safety.Serving;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using PolicyRole = Vigil.Safety.Policy.ChatRole;

namespace Vigil.Tests.Safety.Serving;

/// <summary>
/// The real server on a free loopback port, a scripted policy behind <see cref="PolicyChatClient"/>, and the real
/// OpenAI client (or raw HTTP for what the client would never send).
/// </summary>
public sealed class ChatCompletionsServerTests : IAsyncLifetime
{
    private const string Key = "test-key";
    private const string Model = "vigil-test";

    /// <summary>The scripted policy answers with its prompt reversed, so the reply shows what the server rendered.</summary>
    private static string Reply(string prompt) => "echo: " + new string(prompt.Reverse().ToArray());

    private static string Expected(params ChatTurn[] turns) => Reply(ChatTemplate.Demo.Render(turns));

    private readonly StreamingScriptedTextGenerator _generator = new(Reply);
    private readonly HttpClient _http = new();
    private ChatCompletionsServer _server = null!;

    public async Task InitializeAsync()
    {
        var client = new PolicyChatClient(_generator, ChatTemplate.Demo, Model) { MaxPromptTokens = 2000 };
        _server = await ChatCompletionsServer.StartAsync(client, new ChatCompletionsServerOptions
        {
            Port = 0, ApiKey = Key, MaxRequestBytes = 8192, MaxCompletionTokens = 300, MaxPromptCharacters = 4000, LogRequests = false,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private IChatClient OpenAIChat(string key = Key) =>
        new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = _server.ApiAddress }).GetChatClient(Model).AsIChatClient();

    private async Task<(HttpStatusCode Status, string Body)> Post(string json, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddress, "v1/chat/completions"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Error(string body)
    {
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        foreach (var field in new[] { "message", "type", "param", "code" }) Assert.True(error.TryGetProperty(field, out _), $"error lacks {field}: {body}");
        return error;
    }

    [Fact]
    public async Task The_OpenAI_client_gets_the_policy_reply_with_usage()
    {
        using var chat = OpenAIChat();
        var response = await chat.GetResponseAsync([new ChatMessage(AIChatRole.System, "Be kind."), new ChatMessage(AIChatRole.User, "Hello there")]);

        var expected = Expected(new ChatTurn(PolicyRole.System, "Be kind."), new ChatTurn(PolicyRole.User, "Hello there"));
        Assert.Equal(expected, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(Model, response.ModelId);
        var prompt = _generator.Calls.Single().Prompt;
        Assert.Equal(prompt.Length, response.Usage!.InputTokenCount);
        Assert.Equal(expected.Length + 1, response.Usage.OutputTokenCount); // + the end-of-sequence token
    }

    [Fact]
    public async Task Streamed_chunks_concatenate_to_the_full_reply_and_end_with_usage()
    {
        using var chat = OpenAIChat();
        var updates = await chat.GetStreamingResponseAsync([new ChatMessage(AIChatRole.User, "Stream this")]).ToListAsync();

        var expected = Expected(new ChatTurn(PolicyRole.User, "Stream this"));
        var texts = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(expected, string.Concat(texts));
        Assert.True(texts.Count > 1, $"expected several chunks, got {texts.Count}");
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(_generator.Calls.Single().Prompt.Length, usage.InputTokenCount);
        Assert.Equal(expected.Length + 1, usage.OutputTokenCount);
    }

    [Fact]
    public async Task The_raw_event_stream_has_a_role_chunk_a_usage_chunk_and_done()
    {
        var (status, body) = await Post("""{"model":"vigil-test","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true},"max_tokens":3}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var usageChunk = chunks[^1];
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.Equal(3, usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal("length", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        var content = string.Concat(chunks.Select(c => c.GetProperty("choices")).Where(c => c.GetArrayLength() > 0)
            .Select(c => c[0].GetProperty("delta")).Select(d => d.TryGetProperty("content", out var t) ? t.GetString() : ""));
        Assert.Equal("ech", content);
    }

    [Fact]
    public async Task A_wrong_or_missing_key_gets_401()
    {
        using var chat = OpenAIChat("not-the-key");
        var refused = await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync([new ChatMessage(AIChatRole.User, "hi")]));
        Assert.Equal(401, refused.Status);

        var (status, body) = await Post("""{"messages":[{"role":"user","content":"hi"}]}""", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("missing_api_key", Error(body).GetProperty("code").GetString());
        using var models = await _http.GetAsync(new Uri(_server.BaseAddress, "v1/models"));
        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Empty(_generator.Calls);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var huge = new string('a', 20_000);
        var (status, body) = await Post($$"""{"messages":[{"role":"user","content":"{{huge}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("request_too_large", Error(body).GetProperty("code").GetString());
        Assert.Empty(_generator.Calls);
    }

    [Theory]
    [InlineData("""{"messages": [""", "invalid_json", null)]
    [InlineData("""[1, 2]""", "invalid_json", null)]
    [InlineData("""{"model":"vigil-test"}""", "missing_required_parameter", "messages")]
    [InlineData("""{"messages":[]}""", "invalid_value", "messages")]
    [InlineData("""{"messages":[{"role":"wizard","content":"hi"}]}""", "invalid_value", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"},{"role":"tool","content":"42"}]}""", "unsupported_value", "messages[1].role")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "missing_required_parameter", "messages[0].content")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"temperature":"hot"}""", "invalid_type", "temperature")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":301}""", "invalid_value", "max_tokens")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_completion_tokens":0}""", "invalid_value", "max_completion_tokens")]
    public async Task Bad_requests_get_400_with_the_OpenAI_error_shape(string json, string code, string? param)
    {
        var (status, body) = await Post(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Error(body);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Empty(_generator.Calls);
    }

    [Fact]
    public async Task Prompts_over_the_character_or_token_limit_get_400()
    {
        var (status, body) = await Post($$"""{"messages":[{"role":"user","content":"{{new string('b', 4001)}}"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context_length_exceeded", Error(body).GetProperty("code").GetString());

        // Under the character cap but over the policy's 2000-token context once rendered.
        var (tokenStatus, tokenBody) = await Post($$"""{"messages":[{"role":"user","content":"{{new string('c', 1995)}}"}],"stream":true}""");
        Assert.Equal(HttpStatusCode.BadRequest, tokenStatus);
        var error = Error(tokenBody);
        Assert.Equal("context_length_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("2000", error.GetProperty("message").GetString());
        Assert.Empty(_generator.Calls);
    }

    [Theory]
    [InlineData("max_tokens")]
    [InlineData("max_completion_tokens")]
    public async Task Both_token_limit_fields_are_honoured(string field)
    {
        var (status, body) = await Post($$"""{"messages":[{"role":"user","content":"hi"}],"{{field}}":5}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var root = JsonDocument.Parse(body).RootElement;
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("echo:", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(5, root.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(5, _generator.Calls.Single().Options.MaxNewTokens);
    }

    [Fact]
    public async Task The_OpenAI_client_max_output_tokens_reaches_the_policy()
    {
        using var chat = OpenAIChat();
        var response = await chat.GetResponseAsync([new ChatMessage(AIChatRole.User, "hi")], new ChatOptions { MaxOutputTokens = 4, Seed = 7, Temperature = 0.3f });

        Assert.Equal("echo", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        var options = _generator.Calls.Single().Options;
        Assert.Equal(4, options.MaxNewTokens);
        Assert.Equal(7, options.Seed);
        Assert.Equal(0.3, options.Temperature, 1e-6);
    }

    [Fact]
    public async Task Models_lists_the_served_model_and_unknown_models_get_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseAddress, "v1/models"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await _http.SendAsync(request);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", root.GetProperty("object").GetString());
        Assert.Equal(Model, Assert.Single(root.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());

        var (status, body) = await Post("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("model_not_found", Error(body).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_non_loopback_host_without_a_key_refuses_to_start()
    {
        using var client = new PolicyChatClient(_generator, ChatTemplate.Demo, Model);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ChatCompletionsServer.StartAsync(client, new ChatCompletionsServerOptions { Host = "0.0.0.0", Port = 0, LogRequests = false }));
        Assert.Contains("API key", refused.Message);
        Assert.Equal("127.0.0.1", _server.BaseAddress.Host);
    }
}
