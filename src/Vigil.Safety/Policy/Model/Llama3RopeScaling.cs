using System.Text.Json.Nodes;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// Llama 3's rotary frequency scaling (<c>rope_scaling.rope_type = "llama3"</c>): long wavelengths are divided by
/// <see cref="Factor"/>, short ones kept, and the band between interpolated, so the Llama-3-based distillations load.
/// </summary>
public sealed record Llama3RopeScaling(double Factor, double LowFreqFactor, double HighFreqFactor, int OriginalMaxPositionEmbeddings)
{
    /// <summary>Scales inverse frequencies as transformers' <c>_compute_llama3_parameters</c> does.</summary>
    public double[] Apply(double[] inverseFrequencies)
    {
        double lowFreqWavelength = OriginalMaxPositionEmbeddings / LowFreqFactor;
        double highFreqWavelength = OriginalMaxPositionEmbeddings / HighFreqFactor;
        return inverseFrequencies.Select(frequency =>
        {
            double wavelength = 2 * Math.PI / frequency;
            if (wavelength < highFreqWavelength) return frequency;
            if (wavelength > lowFreqWavelength) return frequency / Factor;
            double smooth = (OriginalMaxPositionEmbeddings / wavelength - LowFreqFactor) / (HighFreqFactor - LowFreqFactor);
            return (1 - smooth) * frequency / Factor + smooth * frequency;
        }).ToArray();
    }

    internal static Llama3RopeScaling? Parse(JsonNode? node, string source)
    {
        if (node is null) return null;
        if (node is not JsonObject scaling) throw TransformerConfig.Bad(source, "rope_scaling", $"must be an object or null, got {node.ToJsonString()}");
        var fields = new ConfigFields(scaling, source + " rope_scaling");
        string type = fields.OptionalString("rope_type") ?? fields.OptionalString("type") ?? "default";
        if (type == "default") return null;
        if (type != "llama3") throw TransformerConfig.Bad(source, "rope_scaling", $"type '{type}' is not supported (llama3)");
        return new Llama3RopeScaling(
            fields.OptionalDouble("factor") ?? throw TransformerConfig.Bad(source, "rope_scaling.factor", "is missing"),
            fields.OptionalDouble("low_freq_factor") ?? 1.0,
            fields.OptionalDouble("high_freq_factor") ?? 4.0,
            fields.OptionalInt("original_max_position_embeddings") ?? 8192);
    }

    internal JsonObject ToJson() => new()
    {
        ["rope_type"] = "llama3",
        ["factor"] = Factor,
        ["low_freq_factor"] = LowFreqFactor,
        ["high_freq_factor"] = HighFreqFactor,
        ["original_max_position_embeddings"] = OriginalMaxPositionEmbeddings,
    };
}
