using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// The architecture of a decoder-only policy as Hugging Face's <c>config.json</c> states it, for the <c>qwen2</c> and
/// <c>llama</c> model types. Qwen2 always has q/k/v biases and no o_proj bias; Llama has both or neither
/// (<c>attention_bias</c>).
/// </summary>
public sealed record TransformerConfig
{
    public const string Qwen2 = "qwen2";
    public const string Llama = "llama";

    public string ModelType { get; init; } = Qwen2;
    public int HiddenSize { get; init; }
    public int IntermediateSize { get; init; }
    public int NumHiddenLayers { get; init; }
    public int NumAttentionHeads { get; init; }
    public int NumKeyValueHeads { get; init; }

    /// <summary>Per-head width; <c>hidden_size / num_attention_heads</c> when the file has no <c>head_dim</c>.</summary>
    public int HeadDim { get; init; }

    public int VocabSize { get; init; }
    public double RmsNormEps { get; init; } = 1e-6;
    public double RopeTheta { get; init; } = 10000.0;
    public int MaxPositionEmbeddings { get; init; } = 2048;
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Llama's <c>attention_bias</c>: biases on q, k, v and o. Ignored for Qwen2 (biases on q, k, v only).</summary>
    public bool AttentionBias { get; init; }

    public int? BosTokenId { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = Array.Empty<int>();
    public string? TorchDtype { get; init; }

    /// <summary>Llama 3's <c>rope_scaling</c> (<c>rope_type</c> "llama3"), or null for plain rotary frequencies.</summary>
    public Llama3RopeScaling? RopeScaling { get; init; }

    public bool QkvBias => ModelType == Qwen2 || AttentionBias;
    public bool OutputBias => ModelType == Llama && AttentionBias;

    /// <summary>Query heads that share one key/value head.</summary>
    public int QueriesPerKeyValue => NumAttentionHeads / NumKeyValueHeads;

    /// <summary>Checks the sizes fit together; <paramref name="source"/> names the file in the message.</summary>
    public void Validate(string source = "config")
    {
        void Positive(int value, string field)
        {
            if (value <= 0) throw Bad(source, field, $"must be positive, got {value}");
        }
        if (ModelType != Qwen2 && ModelType != Llama)
            throw Bad(source, "model_type", $"'{ModelType}' is not supported (qwen2 or llama)");
        Positive(HiddenSize, "hidden_size");
        Positive(IntermediateSize, "intermediate_size");
        Positive(NumHiddenLayers, "num_hidden_layers");
        Positive(NumAttentionHeads, "num_attention_heads");
        Positive(NumKeyValueHeads, "num_key_value_heads");
        Positive(HeadDim, "head_dim");
        Positive(VocabSize, "vocab_size");
        Positive(MaxPositionEmbeddings, "max_position_embeddings");
        if (NumAttentionHeads % NumKeyValueHeads != 0)
            throw Bad(source, "num_key_value_heads", $"{NumKeyValueHeads} does not divide num_attention_heads {NumAttentionHeads}");
        if (HeadDim % 2 != 0) throw Bad(source, "head_dim", $"rotary embeddings need an even head width, got {HeadDim}");
        if (!(RmsNormEps > 0)) throw Bad(source, "rms_norm_eps", $"must be positive, got {RmsNormEps}");
        if (!(RopeTheta > 0)) throw Bad(source, "rope_theta", $"must be positive, got {RopeTheta}");
        foreach (int id in EosTokenIds)
            if (id < 0 || id >= VocabSize) throw Bad(source, "eos_token_id", $"{id} is outside the vocabulary of {VocabSize}");
    }

    public static TransformerConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: model config not found", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a Hugging Face config; <paramref name="source"/> (the file) is named in every error.</summary>
    public static TransformerConfig Parse(string json, string source = "config.json")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source}: the config is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message})", e);
        }
        var fields = new ConfigFields(root, source);
        string modelType = fields.RequiredString("model_type");
        if (modelType != Qwen2 && modelType != Llama)
            throw Bad(source, "model_type", $"'{modelType}' is not supported (qwen2 or llama)");
        string activation = fields.OptionalString("hidden_act") ?? "silu";
        if (activation != "silu") throw Bad(source, "hidden_act", $"'{activation}' is not supported (silu)");
        if (fields.OptionalBool("use_sliding_window") == true)
            throw Bad(source, "use_sliding_window", "sliding-window attention is not supported");
        int hidden = fields.RequiredInt("hidden_size");
        int heads = fields.RequiredInt("num_attention_heads");
        if (heads <= 0) throw Bad(source, "num_attention_heads", $"must be positive, got {heads}");
        var config = new TransformerConfig
        {
            ModelType = modelType,
            HiddenSize = hidden,
            IntermediateSize = fields.RequiredInt("intermediate_size"),
            NumHiddenLayers = fields.RequiredInt("num_hidden_layers"),
            NumAttentionHeads = heads,
            NumKeyValueHeads = fields.OptionalInt("num_key_value_heads") ?? heads,
            HeadDim = fields.OptionalInt("head_dim") ?? hidden / heads,
            VocabSize = fields.RequiredInt("vocab_size"),
            RmsNormEps = fields.OptionalDouble("rms_norm_eps") ?? 1e-6,
            RopeTheta = fields.OptionalDouble("rope_theta") ?? 10000.0,
            MaxPositionEmbeddings = fields.OptionalInt("max_position_embeddings") ?? 2048,
            TieWordEmbeddings = fields.OptionalBool("tie_word_embeddings") ?? false,
            AttentionBias = modelType == Llama && (fields.OptionalBool("attention_bias") ?? false),
            BosTokenId = fields.OptionalInt("bos_token_id"),
            EosTokenIds = fields.IntOrIntList("eos_token_id"),
            TorchDtype = fields.OptionalString("torch_dtype"),
            RopeScaling = Llama3RopeScaling.Parse(root["rope_scaling"], source),
        };
        config.Validate(source);
        return config;
    }

    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>The config in Hugging Face's field names, loadable by <c>transformers.AutoConfig</c>.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["architectures"] = new JsonArray(ModelType == Qwen2 ? "Qwen2ForCausalLM" : "LlamaForCausalLM"),
            ["model_type"] = ModelType,
            ["hidden_act"] = "silu",
            ["hidden_size"] = HiddenSize,
            ["intermediate_size"] = IntermediateSize,
            ["num_hidden_layers"] = NumHiddenLayers,
            ["num_attention_heads"] = NumAttentionHeads,
            ["num_key_value_heads"] = NumKeyValueHeads,
            ["head_dim"] = HeadDim,
            ["vocab_size"] = VocabSize,
            ["rms_norm_eps"] = RmsNormEps,
            ["rope_theta"] = RopeTheta,
            ["max_position_embeddings"] = MaxPositionEmbeddings,
            ["tie_word_embeddings"] = TieWordEmbeddings,
            ["torch_dtype"] = "float32",
        };
        if (ModelType == Llama) root["attention_bias"] = AttentionBias;
        else root["use_sliding_window"] = false;
        if (BosTokenId is int bos) root["bos_token_id"] = bos;
        if (EosTokenIds.Count == 1) root["eos_token_id"] = EosTokenIds[0];
        else if (EosTokenIds.Count > 1) root["eos_token_id"] = new JsonArray(EosTokenIds.Select(id => (JsonNode)id).ToArray());
        if (RopeScaling is not null) root["rope_scaling"] = RopeScaling.ToJson();
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    internal static InvalidDataException Bad(string source, string field, string problem) =>
        new($"{source}: field '{field}' {problem}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{ModelType} hidden {HiddenSize}, {NumHiddenLayers} layers, {NumAttentionHeads}/{NumKeyValueHeads} heads, vocab {VocabSize}");
}
