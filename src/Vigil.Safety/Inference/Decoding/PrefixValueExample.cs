namespace Vigil.Safety.Inference.Decoding;

/// <summary>A finished response and its final verdict score in [0, 1]: every prefix of it is taught to predict that score.</summary>
public sealed record PrefixValueExample(string Prompt, string Response, double FinalScore);

/// <summary>How the prefix value head is trained: prefixes per example (evenly spaced cuts, the full response last), full-batch AdamW.</summary>
public sealed record PrefixValueTrainingOptions
{
    public int PrefixesPerExample { get; init; } = 4;
    public int Epochs { get; init; } = 300;
    public double LearningRate { get; init; } = 0.05;
    public double WeightDecay { get; init; } = 1e-3;
    public long Seed { get; init; }
}
