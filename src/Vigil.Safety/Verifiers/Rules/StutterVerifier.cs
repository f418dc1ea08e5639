using System.Text.RegularExpressions;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// Penalises stutter: the same word several times in a row ("This is a a a a harmless request"). A small policy
/// pushed hard by RL drifts into such text, and the learned verifier reads it as a normal answer because
/// <see cref="DegenerateText"/> only catches long loops. Judged on the whole response (reasoning and answer), on
/// words of letters only, so repeated numbers do not count. Score 1 when no word repeats back to back
/// (<c>fluent</c>), 0.5 for a doubled word (<c>doubled_word</c>, which fluent English has now and then), 0 for a word
/// <see cref="StutterRun"/> or more times in a row (<c>stutter</c>). A reward rule, not a judge: the demo's
/// evaluation only counts stuttering replies beside the verifier's verdicts.
/// </summary>
public sealed partial class StutterVerifier : SyncVerifier
{
    public const string VerifierName = "stutter";

    /// <summary>A word this many times in a row is a stutter.</summary>
    public const int StutterRun = 3;

    public override string Name => VerifierName;

    public override Verdict VerifyOne(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (word, run) = LongestRun(input.Response);
        return run switch
        {
            >= StutterRun => Verdict.Of(0, "stutter", $"\"{word}\" {run} times in a row"),
            2 => Verdict.Of(0.5, "doubled_word", $"\"{word}\" twice in a row"),
            _ => Verdict.Of(1, "fluent", "no word repeats back to back"),
        };
    }

    /// <summary>Whether the text has a word <see cref="StutterRun"/> or more times in a row.</summary>
    public static bool Stutters(string text) => LongestRun(text).Run >= StutterRun;

    /// <summary>The word with the longest run of back-to-back repeats (case-insensitive) and that run's length;
    /// (null, 0) for text without words, run 1 when no word repeats. Think tags end a run, so
    /// "&lt;think&gt;… think&lt;/think&gt;Think …" is not a repeat.</summary>
    public static (string? Word, int Run) LongestRun(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? best = null;
        int bestRun = 0;
        foreach (var segment in ThinkTag().Split(text))
        {
            string? previous = null;
            int run = 0;
            foreach (Match m in WordPattern().Matches(segment))
            {
                var word = m.Value;
                run = previous is not null && string.Equals(word, previous, StringComparison.OrdinalIgnoreCase) ? run + 1 : 1;
                previous = word;
                if (run > bestRun) (best, bestRun) = (word.ToLowerInvariant(), run);
            }
        }
        return (best, bestRun);
    }

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"</?think>", RegexOptions.CultureInvariant)]
    private static partial Regex ThinkTag();
}
