using System.Text.Json.Serialization;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// One checkable instruction (IFEval style). <see cref="Kind"/> names the check; <see cref="Value"/> is its
/// number (word/sentence/bullet counts) or <see cref="Text"/> its words or phrase.
/// </summary>
public sealed record InstructionConstraint(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] double? Value = null,
    [property: JsonPropertyName("text")] string? Text = null)
{
    public const string MaxWords = "max_words";
    public const string MinWords = "min_words";
    public const string MaxCharacters = "max_characters";
    public const string IncludeKeywords = "include_keywords";
    public const string ExcludeKeywords = "exclude_keywords";
    public const string StartsWith = "starts_with";
    public const string EndsWith = "ends_with";
    public const string Lowercase = "lowercase";
    public const string Uppercase = "uppercase";
    public const string NoCommas = "no_commas";
    public const string BulletCount = "bullet_count";
    public const string ParagraphCount = "paragraph_count";
    public const string Json = "json";

    public static IReadOnlyList<string> Kinds { get; } = new[]
    {
        MaxWords, MinWords, MaxCharacters, IncludeKeywords, ExcludeKeywords, StartsWith, EndsWith,
        Lowercase, Uppercase, NoCommas, BulletCount, ParagraphCount, Json,
    };

    /// <summary>Throws a clear error when the kind is unknown or its value/text is missing or invalid.</summary>
    public void Validate()
    {
        switch (Kind)
        {
            case MaxWords or MinWords or MaxCharacters or BulletCount or ParagraphCount:
                if (Value is not { } v || !(v >= 0) || v != Math.Floor(v))
                    throw new ArgumentException($"Instruction '{Kind}' needs a non-negative whole \"value\", got {Value?.ToString() ?? "none"}.");
                break;
            case IncludeKeywords or ExcludeKeywords or StartsWith or EndsWith:
                if (string.IsNullOrWhiteSpace(Text)) throw new ArgumentException($"Instruction '{Kind}' needs a non-empty \"text\".");
                break;
            case Lowercase or Uppercase or NoCommas or Json:
                break;
            default:
                throw new ArgumentException($"Unknown instruction kind '{Kind}'; known: {string.Join(", ", Kinds)}.");
        }
    }
}
