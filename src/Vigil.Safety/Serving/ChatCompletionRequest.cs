using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Vigil.Safety.Serving;

/// <summary>
/// A parsed <c>POST /v1/chat/completions</c> body. Parsing checks every field the server honours and throws
/// <see cref="ChatApiException"/> naming the offending field; fields it does not use (user, logprobs, …) are ignored.
/// </summary>
internal sealed record ChatCompletionRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage)
{
    private const int MaxStopSequences = 4;

    public static ChatCompletionRequest Parse(ReadOnlyMemory<byte> body, string modelId, ChatCompletionsServerOptions limits)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e)
        {
            throw ChatApiException.Invalid($"The request body is not valid JSON: {e.Message}", param: null, code: "invalid_json");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw ChatApiException.Invalid("The request body must be a JSON object.", null, "invalid_json");

            if (root.TryGetProperty("model", out var model) && model.ValueKind != JsonValueKind.Null)
            {
                if (model.ValueKind != JsonValueKind.String) throw Type("model", "a string");
                if (model.GetString() != modelId)
                    throw new ChatApiException(404, $"The model '{model.GetString()}' does not exist; this server serves '{modelId}'.", "model", "model_not_found");
            }

            var messages = ReadMessages(root, limits);
            var options = new ChatOptions { ModelId = modelId, MaxOutputTokens = MaxTokens(root, limits) ?? limits.MaxCompletionTokens };
            if (Number(root, "temperature") is { } temperature)
            {
                if (temperature is < 0 or > 2) throw ChatApiException.Invalid($"temperature must be between 0 and 2, not {temperature}.", "temperature", "invalid_value");
                options.Temperature = (float)temperature;
            }
            if (Number(root, "top_p") is { } topP)
            {
                if (topP is <= 0 or > 1) throw ChatApiException.Invalid($"top_p must be in (0, 1], not {topP}.", "top_p", "invalid_value");
                options.TopP = (float)topP;
            }
            if (root.TryGetProperty("seed", out var seed) && seed.ValueKind != JsonValueKind.Null)
            {
                if (seed.ValueKind != JsonValueKind.Number || !seed.TryGetInt64(out var s)) throw Type("seed", "an integer");
                options.Seed = s;
            }
            if (root.TryGetProperty("n", out var n) && n.ValueKind != JsonValueKind.Null && !(n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count == 1))
                throw ChatApiException.Invalid("Only n = 1 is supported.", "n", "invalid_value");
            options.StopSequences = Stops(root);

            bool stream = Bool(root, "stream");
            bool includeUsage = false;
            if (root.TryGetProperty("stream_options", out var streamOptions) && streamOptions.ValueKind != JsonValueKind.Null)
            {
                if (streamOptions.ValueKind != JsonValueKind.Object) throw Type("stream_options", "an object");
                if (!stream) throw ChatApiException.Invalid("stream_options is only allowed when stream is true.", "stream_options", "invalid_value");
                includeUsage = Bool(streamOptions, "include_usage", "stream_options.include_usage");
            }
            return new ChatCompletionRequest(messages, options, stream, includeUsage);
        }
    }

    private static List<ChatMessage> ReadMessages(JsonElement root, ChatCompletionsServerOptions limits)
    {
        if (!root.TryGetProperty("messages", out var array) || array.ValueKind == JsonValueKind.Null)
            throw ChatApiException.Invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        if (array.ValueKind != JsonValueKind.Array) throw Type("messages", "an array");
        if (array.GetArrayLength() == 0) throw ChatApiException.Invalid("'messages' must contain at least one message.", "messages", "invalid_value");

        var messages = new List<ChatMessage>();
        long characters = 0;
        int index = 0;
        foreach (var message in array.EnumerateArray())
        {
            var at = $"messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object) throw Type(at, "an object");
            if (!message.TryGetProperty("role", out var roleElement) || roleElement.ValueKind != JsonValueKind.String)
                throw ChatApiException.Invalid($"Missing required parameter: '{at}.role'.", $"{at}.role", "missing_required_parameter");
            var role = roleElement.GetString() switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" or "function" => throw ChatApiException.Invalid(
                    $"Role '{roleElement.GetString()}' at {at} is not supported: this model has no tools.", $"{at}.role", "unsupported_value"),
                var other => throw ChatApiException.Invalid(
                    $"Invalid value '{other}' for {at}.role: expected system, developer, user or assistant.", $"{at}.role", "invalid_value"),
            };
            var text = Content(message, at);
            characters += text.Length;
            messages.Add(new ChatMessage(role, text));
        }
        if (characters > limits.MaxPromptCharacters)
            throw ChatApiException.Invalid(
                $"The messages hold {characters} characters; this server accepts at most {limits.MaxPromptCharacters}.", "messages", "context_length_exceeded");
        return messages;
    }

    /// <summary>A message's text: a string, or an array of text parts (what the OpenAI SDKs send).</summary>
    private static string Content(JsonElement message, string at)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
            throw ChatApiException.Invalid($"Missing required parameter: '{at}.content'.", $"{at}.content", "missing_required_parameter");
        if (content.ValueKind == JsonValueKind.String) return content.GetString()!;
        if (content.ValueKind != JsonValueKind.Array) throw Type($"{at}.content", "a string or an array of text parts");
        var text = new StringBuilder();
        int index = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partAt = $"{at}.content[{index++}]";
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                throw Type(partAt, "an object with a type");
            if (type.GetString() != "text")
                throw ChatApiException.Invalid($"Content of type '{type.GetString()}' at {partAt} is not supported; only text.", $"{partAt}.type", "unsupported_value");
            if (!part.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String) throw Type($"{partAt}.text", "a string");
            text.Append(partText.GetString());
        }
        return text.ToString();
    }

    /// <summary>max_completion_tokens (what current clients send) or the older max_tokens; the former wins when both are set.</summary>
    private static int? MaxTokens(JsonElement root, ChatCompletionsServerOptions limits)
    {
        foreach (var name in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) continue;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var tokens)) throw Type(name, "an integer");
            if (tokens < 1) throw ChatApiException.Invalid($"{name} must be at least 1, not {tokens}.", name, "invalid_value");
            if (tokens > limits.MaxCompletionTokens)
                throw ChatApiException.Invalid($"{name} is {tokens}; this server allows at most {limits.MaxCompletionTokens}.", name, "invalid_value");
            return tokens;
        }
        return null;
    }

    private static List<string>? Stops(JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null) return null;
        if (stop.ValueKind == JsonValueKind.String) return [stop.GetString()!];
        if (stop.ValueKind != JsonValueKind.Array) throw Type("stop", "a string or an array of strings");
        var stops = new List<string>();
        foreach (var s in stop.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String) throw Type("stop", "a string or an array of strings");
            stops.Add(s.GetString()!);
        }
        if (stops.Count > MaxStopSequences) throw ChatApiException.Invalid($"stop holds {stops.Count} sequences; at most {MaxStopSequences} are allowed.", "stop", "invalid_value");
        return stops;
    }

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number) throw Type(name, "a number");
        return value.GetDouble();
    }

    private static bool Bool(JsonElement root, string name, string? param = null)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Type(param ?? name, "a boolean"),
        };
    }

    private static ChatApiException Type(string param, string expected) =>
        ChatApiException.Invalid($"Invalid type for '{param}': expected {expected}.", param, "invalid_type");
}
