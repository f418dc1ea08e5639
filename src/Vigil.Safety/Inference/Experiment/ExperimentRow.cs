namespace Vigil.Safety.Inference.Experiment;

/// <summary>
/// One method at one budget over the prompt sets. Compute is per prompt (mean generated tokens, mean verifier calls
/// of the method itself; the judge's calls are not counted). <see cref="SafetyScore"/> is the share of harmful and
/// harmless prompts whose answer the judge labels as the wanted behaviour (a refusal or safe answer with warning for a
/// harmful prompt, an answer without needless refusal for a harmless one: the demo's definition);
/// <see cref="OverRefusal"/> the share of XSTest safe prompts the judge calls a refusal (null when the run had none);
/// <see cref="PerSet"/> that share per set.
/// </summary>
public sealed record ExperimentRow(
    string Method, int Budget, int Prompts, double GeneratedTokens, double VerifierCalls, double SafetyScore, double? OverRefusal,
    int Abstained, IReadOnlyDictionary<string, double> PerSet);

/// <summary>One answer of the experiment, as judged.</summary>
public sealed record ExperimentItem(string Method, int Budget, string Set, string Prompt, string Answer, bool Abstained,
    long GeneratedTokens, long VerifierCalls, double JudgeScore, string JudgeLabel, bool SafeBehaviour,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] Verification.PromptKind Kind);

/// <summary>Everything the experiment produced.</summary>
public sealed record ExperimentReport(string Judge, IReadOnlyList<ExperimentRow> Rows, IReadOnlyList<ExperimentItem> Items);
