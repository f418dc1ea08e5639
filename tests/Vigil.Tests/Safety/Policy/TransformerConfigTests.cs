using System.Text.Json.Nodes;
using Vigil.Safety.Policy.Model;

namespace Vigil.Tests.Safety.Policy;

public sealed class TransformerConfigTests
{
    // Qwen2.5-0.5B-Instruct's config.json as published (fields Vigil does not use left in on purpose).
    private const string QwenConfig = """
        {
          "architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643, "eos_token_id": 151645,
          "hidden_act": "silu", "hidden_size": 896, "initializer_range": 0.02, "intermediate_size": 4864,
          "max_position_embeddings": 32768, "max_window_layers": 21, "model_type": "qwen2", "num_attention_heads": 14,
          "num_hidden_layers": 24, "num_key_value_heads": 2, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
          "sliding_window": 32768, "tie_word_embeddings": true, "torch_dtype": "bfloat16", "transformers_version": "4.43.1",
          "use_cache": true, "use_sliding_window": false, "vocab_size": 151936
        }
        """;

    private const string LlamaConfig = """
        {
          "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
          "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "rms_norm_eps": 1e-05,
          "rope_theta": 500000.0, "max_position_embeddings": 131072, "tie_word_embeddings": false, "attention_bias": false,
          "bos_token_id": 128000, "eos_token_id": [128001, 128008, 128009], "torch_dtype": "bfloat16",
          "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"}
        }
        """;

    [Fact]
    public void Reads_a_qwen2_config()
    {
        var config = TransformerConfig.Parse(QwenConfig);
        Assert.Equal((896, 4864, 24, 14, 2, 64, 151936), (config.HiddenSize, config.IntermediateSize, config.NumHiddenLayers,
            config.NumAttentionHeads, config.NumKeyValueHeads, config.HeadDim, config.VocabSize));
        Assert.Equal((1e-6, 1e6, 32768, true), (config.RmsNormEps, config.RopeTheta, config.MaxPositionEmbeddings, config.TieWordEmbeddings));
        Assert.Equal(151643, config.BosTokenId);
        Assert.Equal([151645], config.EosTokenIds);
        Assert.Equal("bfloat16", config.TorchDtype);
        Assert.True(config.QkvBias);
        Assert.False(config.OutputBias);
    }

    [Fact]
    public void Reads_a_llama_config_with_an_eos_list_and_llama3_rope_scaling()
    {
        var config = TransformerConfig.Parse(LlamaConfig);
        Assert.Equal([128001, 128008, 128009], config.EosTokenIds);
        Assert.Equal(128, config.HeadDim);
        Assert.False(config.QkvBias);
        Assert.Equal(new Llama3RopeScaling(8.0, 1.0, 4.0, 8192), config.RopeScaling);
        // transformers' llama3 rule: wavelengths under 8192/4 kept, over 8192/1 divided by 8, the band between blended.
        var scaled = config.RopeScaling!.Apply([1.0, 2 * Math.PI / 100000, 2 * Math.PI / 4096]);
        Assert.Equal(1.0, scaled[0]);
        Assert.Equal(2 * Math.PI / 100000 / 8, scaled[1], 12);
        double smooth = (8192.0 / 4096 - 1) / 3;
        Assert.Equal((1 - smooth) * (2 * Math.PI / 4096) / 8 + smooth * (2 * Math.PI / 4096), scaled[2], 12);
    }

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Round_trips_through_config_json(string modelType)
    {
        var config = TinyPolicies.Config(modelType) with { EosTokenIds = [2, 3], RopeScaling = modelType == TransformerConfig.Llama ? new(8, 1, 4, 64) : null };
        string path = Path.Combine(Directory.CreateTempSubdirectory("vigil-config-").FullName, "config.json");
        try
        {
            config.Save(path);
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            Assert.Equal(modelType, (string)json["model_type"]!);
            Assert.Equal(32, (int)json["hidden_size"]!);
            var back = TransformerConfig.Load(path);
            Assert.Equal(config.EosTokenIds, back.EosTokenIds);
            Assert.Equal(config with { EosTokenIds = back.EosTokenIds, TorchDtype = back.TorchDtype }, back);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("\"hidden_size\": 896,", "", "'hidden_size' is missing")]
    [InlineData("\"hidden_size\": 896", "\"hidden_size\": \"wide\"", "'hidden_size' must be an integer")]
    [InlineData("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 3", "'num_key_value_heads' 3 does not divide")]
    [InlineData("\"eos_token_id\": 151645", "\"eos_token_id\": [1.5]", "'eos_token_id' must be an integer")]
    [InlineData("\"model_type\": \"qwen2\"", "\"model_type\": \"gpt2\"", "'model_type' 'gpt2' is not supported")]
    [InlineData("\"vocab_size\": 151936", "\"vocab_size\": 0", "'vocab_size' must be positive")]
    public void Bad_configs_name_the_file_and_the_field(string field, string replacement, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => TransformerConfig.Parse(QwenConfig.Replace(field, replacement), "/models/q/config.json"));
        Assert.StartsWith("/models/q/config.json: ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
