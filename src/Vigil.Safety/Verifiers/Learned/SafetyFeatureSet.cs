namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// Which features the learned head sees of a (prompt, response) pair, beyond the base ones every set has (prompt
/// vector, response-head vector, their product, five phrase cues): <see cref="ShapeCues"/> adds
/// <see cref="ResponseShapeCues"/>, <see cref="Opening"/> the sentence vector of the response's opening sentences
/// (<see cref="SafetyPairFeatures.Opening"/>), <see cref="Tail"/> that of its last part
/// (<see cref="SafetyPairFeatures.Tail"/>), where an answer that starts with a caveat shows what it delivers.
/// Cross-validation chooses among them; the chosen set's name is stored with the weights.
/// </summary>
public sealed record SafetyFeatureSet(string Name, bool ShapeCues, bool Opening, bool Tail)
{
    public static SafetyFeatureSet Base { get; } = new("base", false, false, false);
    public static SafetyFeatureSet Cues { get; } = new("cues", true, false, false);
    public static SafetyFeatureSet CuesOpening { get; } = new("cues+opening", true, true, false);
    public static SafetyFeatureSet CuesTail { get; } = new("cues+tail", true, false, true);
    public static SafetyFeatureSet CuesOpeningTail { get; } = new("cues+opening+tail", true, true, true);

    public static IReadOnlyList<SafetyFeatureSet> All { get; } = new[] { Base, Cues, CuesOpening, CuesTail, CuesOpeningTail };

    /// <summary>Features per pair for a <paramref name="dimension"/>-d encoder.</summary>
    public int Width(int dimension) =>
        3 * dimension + SafetyPairFeatures.PhraseCues + (ShapeCues ? ResponseShapeCues.Count : 0) + (Opening ? dimension : 0) + (Tail ? dimension : 0);

    /// <summary>The set called <paramref name="name"/> (case-insensitive); an unknown name is an error listing the known ones.</summary>
    public static SafetyFeatureSet Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown feature set '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
    }

    public override string ToString() => Name;
}
