using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Vigil.Safety.Serving;

/// <summary>The OpenAI wire shapes the server writes: completions, stream chunks, the model list and errors.</summary>
internal static class ChatCompletionJson
{
    public static byte[] Completion(ChatResponse response, string id, string modelId, long created) => Write(w =>
    {
        Header(w, id, "chat.completion", created, modelId);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", response.Text);
        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", FinishReason(response.FinishReason) ?? "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        Usage(w, response.Usage);
        w.WriteEndObject();
    });

    /// <summary>A chunk with one choice: a role and/or content delta, or (with <paramref name="finish"/>) the closing one.</summary>
    public static byte[] Chunk(string id, string modelId, long created, string? role, string? content, ChatFinishReason? finish) => Write(w =>
    {
        Header(w, id, "chat.completion.chunk", created, modelId);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        if (role is not null) w.WriteString("role", role);
        if (content is not null) w.WriteString("content", content);
        w.WriteEndObject();
        w.WriteNull("logprobs");
        if (FinishReason(finish) is { } reason) w.WriteString("finish_reason", reason);
        else w.WriteNull("finish_reason");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The chunk that closes a stream with <c>stream_options.include_usage</c>: no choices, the usage.</summary>
    public static byte[] UsageChunk(string id, string modelId, long created, UsageDetails? usage) => Write(w =>
    {
        Header(w, id, "chat.completion.chunk", created, modelId);
        w.WriteStartArray("choices");
        w.WriteEndArray();
        Usage(w, usage);
        w.WriteEndObject();
    });

    public static byte[] Models(string modelId, long created) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        Model(w, modelId, created);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] SingleModel(string modelId, long created) => Write(w => Model(w, modelId, created));

    public static byte[] Error(string message, string type, string? param, string? code) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", type);
        if (param is null) w.WriteNull("param"); else w.WriteString("param", param);
        if (code is null) w.WriteNull("code"); else w.WriteString("code", code);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void Model(Utf8JsonWriter w, string modelId, long created)
    {
        w.WriteStartObject();
        w.WriteString("id", modelId);
        w.WriteString("object", "model");
        w.WriteNumber("created", created);
        w.WriteString("owned_by", "vigil");
        w.WriteEndObject();
    }

    private static void Header(Utf8JsonWriter w, string id, string kind, long created, string modelId)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteNumber("created", created);
        w.WriteString("model", modelId);
    }

    /// <summary>Token counts, or null when the chat client reported none (never made-up zeros).</summary>
    private static void Usage(Utf8JsonWriter w, UsageDetails? usage)
    {
        if (usage is null)
        {
            w.WriteNull("usage");
            return;
        }
        long prompt = usage.InputTokenCount ?? 0, completion = usage.OutputTokenCount ?? 0;
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", prompt);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", usage.TotalTokenCount ?? prompt + completion);
        w.WriteEndObject();
    }

    private static string? FinishReason(ChatFinishReason? reason) => reason?.Value;

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) body(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
