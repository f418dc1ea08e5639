using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Safety.Labels;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// A trained learned-verifier head (or seed ensemble of heads) together with what it was trained on: the encoder (short name for
/// <c>TextEncoders.Create</c> and the exact model name it must report), the response-head length, and provenance.
/// Stored as JSON with base64 little-endian float32 arrays: the first head's arrays at the top level (as single-head
/// files have always been written) and any further ensemble members under <c>more_members</c>. The default model is
/// embedded in this assembly.
/// </summary>
public sealed record SafetyVerifierModel(SafetyHeadEnsemble Head, string Encoder, string EncoderName, int Dimension, int ResponseChars, SafetyVerifierProvenance Provenance)
{
    public const string Format = "vigil-safety-verifier-v1";

    /// <summary>How probabilities become a label; files without a <c>decision</c> entry use the most probable label.</summary>
    public SafetyDecisionRule Decision { get; init; } = SafetyDecisionRule.MostProbable;

    /// <summary>The features the head reads; files without a <c>features</c> entry use the base set.</summary>
    public SafetyFeatureSet Features { get; init; } = SafetyFeatureSet.Base;
    private const string ResourceName = "Vigil.Safety.safety-verifier.json";

    /// <summary>The shipped model (trained on all annotated completions by <c>vigil safety train-verifier</c>).</summary>
    public static SafetyVerifierModel LoadDefault()
    {
        using var stream = typeof(SafetyVerifierModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("This build of Vigil.Safety has no embedded safety-verifier model; train one with `vigil safety train-verifier --out FILE` and pass it with --weights.");
        return Read(stream, "embedded safety-verifier.json");
    }

    public static SafetyVerifierModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Safety verifier weights not found: {path}", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public void Save(string path)
    {
        var first = Head.Members[0];
        var dto = new Dto(Format, Encoder, EncoderName, Dimension, ResponseChars, SafetyLabels.All.Select(SafetyLabels.Name).ToArray(),
            first.InputWidth, first.Hidden, Pack(first.Mean), Pack(first.Std), Pack(first.W1), Pack(first.B1), Pack(first.W2), Pack(first.B2), Provenance,
            Decision.IsMostProbable ? null : new DecisionDto(Decision.UnsafeThreshold, Decision.RefusalThreshold),
            Features == SafetyFeatureSet.Base ? null : Features.Name,
            Head.Members.Count == 1 ? null : Head.Members.Skip(1).Select(m => new MemberDto(m.Hidden, Pack(m.Mean), Pack(m.Std), Pack(m.W1), Pack(m.B1), Pack(m.W2), Pack(m.B2))).ToArray());
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(dto, JsonOptions));
    }

    private static SafetyVerifierModel Read(Stream stream, string source)
    {
        Dto? dto;
        try { dto = JsonSerializer.Deserialize<Dto>(stream, JsonOptions); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not a safety-verifier model (line {e.LineNumber + 1}): {e.Message}", e); }
        if (dto is null || dto.Format != Format) throw new InvalidDataException($"{source}: expected format \"{Format}\", found \"{dto?.Format}\".");
        var expected = SafetyLabels.All.Select(SafetyLabels.Name).ToArray();
        if (dto.Labels is null || !dto.Labels.SequenceEqual(expected))
            throw new InvalidDataException($"{source}: the model's labels [{string.Join(", ", dto.Labels ?? Array.Empty<string>())}] are not [{string.Join(", ", expected)}].");
        SafetyFeatureSet features;
        try { features = dto.Features is null ? SafetyFeatureSet.Base : SafetyFeatureSet.Parse(dto.Features); }
        catch (ArgumentException e) { throw new InvalidDataException($"{source}: {e.Message}", e); }
        if (dto.InputWidth != features.Width(dto.Dimension))
            throw new InvalidDataException($"{source}: input width {dto.InputWidth} does not match {features.Width(dto.Dimension)} features ('{features.Name}' set) of a {dto.Dimension}-d encoder.");
        try
        {
            var heads = new List<SafetyHead> { new(dto.InputWidth, dto.Hidden, Unpack(dto.Mean), Unpack(dto.Std), Unpack(dto.W1), Unpack(dto.B1), Unpack(dto.W2), Unpack(dto.B2)) };
            for (int k = 0; k < (dto.MoreMembers?.Length ?? 0); k++)
            {
                var m = dto.MoreMembers![k] ?? throw new FormatException($"more_members[{k}] is null.");
                try { heads.Add(new SafetyHead(dto.InputWidth, m.Hidden, Unpack(m.Mean), Unpack(m.Std), Unpack(m.W1), Unpack(m.B1), Unpack(m.W2), Unpack(m.B2))); }
                catch (Exception e) when (e is ArgumentException or FormatException) { throw new FormatException($"more_members[{k}]: {e.Message}", e); }
            }
            var head = new SafetyHeadEnsemble(heads);
            var decision = dto.Decision is { } d ? new SafetyDecisionRule(d.UnsafeThreshold, d.RefusalThreshold) : SafetyDecisionRule.MostProbable;
            decision.Validate();
            return new SafetyVerifierModel(head, dto.Encoder, dto.EncoderName, dto.Dimension, dto.ResponseChars, dto.Provenance ?? new SafetyVerifierProvenance())
            {
                Decision = decision,
                Features = features,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static string Pack(float[] values) => Convert.ToBase64String(MemoryMarshal.AsBytes(values.AsSpan()));

    private static float[] Unpack(string? base64)
    {
        var bytes = Convert.FromBase64String(base64 ?? "");
        if (bytes.Length % sizeof(float) != 0) throw new FormatException($"A weight array has {bytes.Length} bytes, not a whole number of float32 values.");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private sealed record Dto(string Format, string Encoder, string EncoderName, int Dimension, int ResponseChars, string[] Labels,
        int InputWidth, int Hidden, string Mean, string Std, string W1, string B1, string W2, string B2, SafetyVerifierProvenance? Provenance,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DecisionDto? Decision = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Features = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MemberDto?[]? MoreMembers = null);

    private sealed record MemberDto(int Hidden, string Mean, string Std, string W1, string B1, string W2, string B2);

    private sealed record DecisionDto(double? UnsafeThreshold, double? RefusalThreshold);
}

/// <summary>How a model was trained: held-out models, sizes and the settings that shape it.</summary>
public sealed record SafetyVerifierProvenance
{
    public string[] HeldOutModels { get; init; } = Array.Empty<string>();
    public int TrainItems { get; init; }
    public int Epochs { get; init; }
    public int Seed { get; init; }
    /// <summary>Head training settings beyond epochs and seed (null in files written before they were recorded).</summary>
    public double? WeightDecay { get; init; }
    public double? Dropout { get; init; }
    public bool? ClassWeights { get; init; }
    /// <summary>Heads in the seed ensemble (null in files written before ensembles existed: one).</summary>
    public int? Members { get; init; }
    public string Command { get; init; } = "";
}
