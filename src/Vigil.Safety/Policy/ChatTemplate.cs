using System.Text;

namespace Vigil.Safety.Policy;

/// <summary>
/// Renders a conversation into the flat text a policy was trained on: each turn is its role's header, the content and
/// <see cref="EndOfTurn"/>; a generation prompt is the assistant header alone. <see cref="Demo"/> is the compact format
/// of Vigil's built-in demo policy (every marker a single special token); <see cref="ChatML"/> is Qwen2's and
/// <see cref="Llama3"/> Llama 3's.
/// </summary>
public sealed record ChatTemplate(string SystemHeader, string UserHeader, string AssistantHeader, string EndOfTurn)
{
    public static ChatTemplate Demo { get; } = new("<|system|>", "<|user|>", "<|assistant|>", "<|end|>");

    public static ChatTemplate ChatML { get; } = new("<|im_start|>system\n", "<|im_start|>user\n", "<|im_start|>assistant\n", "<|im_end|>\n");

    public static ChatTemplate Llama3 { get; } = new(
        "<|start_header_id|>system<|end_header_id|>\n\n", "<|start_header_id|>user<|end_header_id|>\n\n",
        "<|start_header_id|>assistant<|end_header_id|>\n\n", "<|eot_id|>");

    /// <summary>The turn terminator without trailing whitespace: the text at which an assistant turn stops.</summary>
    public string StopText => EndOfTurn.TrimEnd();

    public string Header(ChatRole role) => role switch
    {
        ChatRole.System => SystemHeader,
        ChatRole.User => UserHeader,
        ChatRole.Assistant => AssistantHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The conversation, followed by the assistant header when <paramref name="addGenerationPrompt"/>.</summary>
    public string Render(IEnumerable<ChatTurn> turns, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var text = new StringBuilder();
        foreach (var turn in turns) text.Append(Header(turn.Role)).Append(turn.Content).Append(EndOfTurn);
        if (addGenerationPrompt) text.Append(AssistantHeader);
        return text.ToString();
    }

    /// <summary>A single user prompt ready for the assistant's reply.</summary>
    public string Prompt(string userMessage) => Render(new[] { new ChatTurn(ChatRole.User, userMessage) });
}
