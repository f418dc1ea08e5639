using System.Text.RegularExpressions;

namespace Vigil.Safety.Verifiers.Judges;

/// <summary>The patterns <see cref="VerdictPhraseParser{T}"/> reads cleaned judge answers with.</summary>
internal static partial class JudgeAnswerPatterns
{
    /// <summary>"verdict:", "final label:", "answer:" … in lower-cased text.</summary>
    [GeneratedRegex(@"(?<![a-z])(?:final\s+)?(?:verdict|label|classification|class|answer|judgement|judgment)\s*:", RegexOptions.CultureInvariant)]
    internal static partial Regex Marker();

    /// <summary>An option number right after a marker ("verdict: 4").</summary>
    [GeneratedRegex(@"^(\d+)(?!\d)", RegexOptions.CultureInvariant)]
    internal static partial Regex LeadingNumber();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    internal static partial Regex WhiteSpace();
}
