using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Tests.Safety.Inference;

/// <summary>
/// A fixture verifier that reads its score from the text: the last "[0.x]" in the response is the score, and the
/// word UNSAFE makes the label <c>unsafe</c>; text without a bracket scores from the table, else 0.5. Records what it judged.
/// </summary>
internal sealed partial class BracketScoreVerifier(string name = "bracket", IReadOnlyDictionary<string, double>? table = null) : SyncVerifier
{
    public List<VerificationInput> Seen { get; } = new();

    public override string Name => name;

    public override Verdict VerifyOne(VerificationInput input)
    {
        lock (Seen) Seen.Add(input);
        var matches = Bracket().Matches(input.Response);
        double score = matches.Count == 0 ? table?.GetValueOrDefault(input.Response, 0.5) ?? 0.5 : double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        bool unsafeText = input.Response.Contains("UNSAFE", StringComparison.Ordinal);
        return Verdict.Of(score, unsafeText ? "unsafe" : "safe_without_risk", "fixture");
    }

    [GeneratedRegex(@"\[([01](?:\.\d+)?)\]")]
    private static partial Regex Bracket();
}
