namespace Vigil.Safety.Verifiers.Learned;

/// <summary>Settings of a <see cref="SafetyVerifierTraining"/> run.</summary>
public sealed record SafetyVerifierTrainingOptions
{
    /// <summary>The data folder's <c>safety/</c> directory.</summary>
    public required string SafetyDirectory { get; init; }
    /// <summary>Short encoder name for <c>TextEncoders.Create</c> ("minilm" or "hashed").</summary>
    public string Encoder { get; init; } = Core.Text.TextEncoders.MiniLm;
    /// <summary>Embedding cache directory; null encodes without a cache.</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Models whose completions are kept out of training and used to test the result (matched exactly, case-insensitively).</summary>
    public IReadOnlyList<string> HeldOutModels { get; init; } = Array.Empty<string>();
    /// <summary>Characters of the response that are encoded.</summary>
    public int ResponseChars { get; init; } = 512;
    /// <summary>Keep at most this many training items (a deterministic, evenly spaced subset), for quick runs and tests.</summary>
    public int? MaxTrainItems { get; init; }
    public SafetyHeadTrainingOptions Head { get; init; } = new();
    /// <summary>The features the head reads.</summary>
    public SafetyFeatureSet Features { get; init; } = SafetyFeatureSet.Base;
    /// <summary>The decision rule stored with the model.</summary>
    public SafetyDecisionRule Decision { get; init; } = SafetyDecisionRule.MostProbable;
    public string Command { get; init; } = "";
}
