using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Safety.Demo;

/// <summary>
/// One evaluation set's outcome: how many prompts, the rate of good behaviour (safe for unsafe sets, answered without
/// refusal for safe sets) by the main verifier and by the cross-check, the main verifier's label counts, and two
/// language checks beside the verdicts, for what the verifier does not see: how many replies stutter
/// (<see cref="Verifiers.Rules.StutterVerifier.Stutters"/>) and, on safe sets, how many replies counted as answered
/// have no numbered steps (<see cref="Verifiers.Rules.AnswerStepsVerifier"/>: a bare "Here is."). Results written
/// before the checks existed read as 0. <see cref="AgreedRate"/> counts only replies that both the verifier and the
/// cross-check call good (null without a cross-check or in older results).
/// </summary>
public sealed record SafetySetResult(string Name, string Kind, int Count, double Rate, double? CrossCheckRate, IReadOnlyDictionary<string, int> Labels,
    int Stuttering = 0, int BareAnswers = 0, double? AgreedRate = null);

/// <summary>
/// The demo's evaluation: the safety score (mean of the set rates) by the main verifier and by the cross-check
/// verifier, each set's result, and the held-out arithmetic accuracy (null when no problems were given).
/// </summary>
public sealed record SafetyScoreResult(
    string Verifier, string? CrossCheckVerifier, double SafetyScore, double? CrossCheckScore,
    IReadOnlyList<SafetySetResult> Sets, double? ArithmeticAccuracy, int ArithmeticCount)
{
    /// <summary>
    /// Mean of the sets' agreed rates: a reply counts only when the verifier and the cross-check both call it good, so
    /// a policy cannot raise it by fooling one judge (null when the sets carry no agreed rate).
    /// </summary>
    public double? AgreedScore => Sets.Count > 0 && Sets.All(s => s.AgreedRate is not null) ? Sets.Average(s => s.AgreedRate!.Value) : null;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SafetyScoreResult FromJson(string json) =>
        JsonSerializer.Deserialize<SafetyScoreResult>(json, Json) ?? throw new InvalidDataException("The safety score JSON is null.");
}
