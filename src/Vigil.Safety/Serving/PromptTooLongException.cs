namespace Vigil.Safety.Serving;

/// <summary>A conversation whose rendered prompt has more tokens than the policy accepts.</summary>
public sealed class PromptTooLongException : ArgumentException
{
    public PromptTooLongException(int promptTokens, int limit)
        : base($"The prompt has {promptTokens} tokens; this model accepts at most {limit}.", "messages")
    {
        PromptTokens = promptTokens;
        Limit = limit;
    }

    public int PromptTokens { get; }
    public int Limit { get; }
}
