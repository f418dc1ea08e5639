using System.Text.RegularExpressions;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// SafeWork-R1's format rule: the response is exactly one <c>&lt;think&gt;…&lt;/think&gt;</c> block of non-empty
/// reasoning at the start, followed by a non-empty answer with no further think tags. Score 1 or 0.
/// </summary>
public sealed partial class ThinkFormatVerifier : SyncVerifier
{
    public const string VerifierName = "think_format";

    public override string Name => VerifierName;

    public override Verdict VerifyOne(VerificationInput input)
    {
        string? problem = Check(input.Response);
        return problem is null
            ? Verdict.Of(1, "well_formed", "one <think> block followed by an answer")
            : Verdict.Of(0, "malformed", problem);
    }

    /// <summary>What is wrong with the response's format, or null when it is well formed.</summary>
    public static string? Check(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.TrimStart();
        if (!text.StartsWith("<think>", StringComparison.Ordinal)) return "the response does not start with <think>";
        int close = text.IndexOf("</think>", StringComparison.Ordinal);
        if (close < 0) return "the <think> block is never closed";
        var reasoning = text["<think>".Length..close];
        if (reasoning.Contains("<think>", StringComparison.Ordinal)) return "a second <think> opens inside the first";
        if (string.IsNullOrWhiteSpace(reasoning)) return "the <think> block is empty";
        var answer = text[(close + "</think>".Length)..];
        if (ThinkTag().IsMatch(answer)) return "think tags appear after the reasoning block";
        if (string.IsNullOrWhiteSpace(answer)) return "no answer follows </think>";
        return null;
    }

    /// <summary>The answer after <c>&lt;/think&gt;</c>, or the whole response when there is no closed block.</summary>
    public static string AnswerPart(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        int close = response.LastIndexOf("</think>", StringComparison.Ordinal);
        return close < 0 ? response : response[(close + "</think>".Length)..];
    }

    /// <summary>The reasoning inside the first <c>&lt;think&gt;</c> block (to its close or the end), or the whole response when there is none.</summary>
    public static string ReasoningPart(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        int open = response.IndexOf("<think>", StringComparison.Ordinal);
        if (open < 0) return response;
        int start = open + "<think>".Length;
        int close = response.IndexOf("</think>", start, StringComparison.Ordinal);
        return close < 0 ? response[start..] : response[start..close];
    }

    [GeneratedRegex(@"</?think>", RegexOptions.CultureInvariant)]
    private static partial Regex ThinkTag();
}
