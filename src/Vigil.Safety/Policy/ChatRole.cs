namespace Vigil.Safety.Policy;

public enum ChatRole
{
    System,
    User,
    Assistant,
}

/// <summary>One turn of a conversation as the chat template renders it.</summary>
public sealed record ChatTurn(ChatRole Role, string Content);
