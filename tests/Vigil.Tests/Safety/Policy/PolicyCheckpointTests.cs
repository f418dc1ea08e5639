using System.Text.Json.Nodes;
using TorchSharp.PyBridge;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Policy;

public sealed class PolicyCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-policy-").FullName;
    private static readonly long[] Sequence = [3, 14, 15, 9, 26, 5];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Save_then_load_gives_identical_logits(string modelType)
    {
        using var model = TinyPolicies.Create(modelType, seed: 11);
        PolicyCheckpoint.Save(model, _dir);
        using var loaded = PolicyCheckpoint.Load(_dir);
        using var ids = TinyPolicies.Ids(Sequence);
        using var expected = model.Logits(ids);
        using var actual = loaded.Logits(ids);
        Assert.True(actual.equal(expected).all().item<bool>());
        Assert.Equal(modelType == TransformerConfig.Llama, Safetensors.LoadStateDict(Path.Combine(_dir, PolicyCheckpoint.WeightsFile)).ContainsKey("lm_head.weight"));
    }

    [Fact]
    public void Saved_weights_follow_the_safetensors_layout()
    {
        // Read back by hand per the format: u64 little-endian header size, a JSON header of dtype/shape/offsets,
        // then the raw little-endian bytes, back to back.
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 16);
        PolicyCheckpoint.Save(model, _dir);
        var bytes = File.ReadAllBytes(Path.Combine(_dir, PolicyCheckpoint.WeightsFile));
        long headerSize = BitConverter.ToInt64(bytes, 0);
        var header = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(bytes, 8, (int)headerSize))!.AsObject();
        long dataStart = 8 + headerSize, covered = 0;
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(parameters.Keys.Order(), header.Select(kv => kv.Key).Order());
        foreach (var (name, entry) in header)
        {
            Assert.Equal("F32", (string)entry!["dtype"]!);
            Assert.Equal(parameters[name].shape, entry["shape"]!.AsArray().Select(d => (long)d!).ToArray());
            long begin = (long)entry["data_offsets"]![0]!, end = (long)entry["data_offsets"]![1]!;
            var floats = new float[(end - begin) / 4];
            Buffer.BlockCopy(bytes, (int)(dataStart + begin), floats, 0, (int)(end - begin));
            Assert.Equal(parameters[name].detach().flatten().data<float>().ToArray(), floats);
            covered += end - begin;
        }
        Assert.Equal(bytes.Length - dataStart, covered);
    }

    [Fact]
    public void Loads_sharded_bfloat16_checkpoints_as_float32()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 12);
        model.Config.Save(Path.Combine(_dir, PolicyCheckpoint.ConfigFile));
        var all = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().to_type(ScalarType.BFloat16));
        var map = new JsonObject();
        foreach (var (shard, names) in new[] { ("model-00001-of-00002.safetensors", all.Keys.Where(k => k.Contains("layers.0"))), ("model-00002-of-00002.safetensors", all.Keys.Where(k => !k.Contains("layers.0"))) })
        {
            using var stream = File.Create(Path.Combine(_dir, shard));
            Safetensors.SaveStateDict(stream, names.ToDictionary(n => n, n => all[n]));
            foreach (var name in names) map[name] = shard;
        }
        File.WriteAllText(Path.Combine(_dir, PolicyCheckpoint.IndexFile), new JsonObject { ["metadata"] = new JsonObject(), ["weight_map"] = map }.ToJsonString());

        using var loaded = PolicyCheckpoint.Load(_dir);
        foreach (var (name, parameter) in loaded.named_parameters())
        {
            Assert.Equal(ScalarType.Float32, parameter.dtype);
            Assert.True(parameter.equal(all[name].to_type(ScalarType.Float32)).all().item<bool>(), name);
        }
    }

    [Fact]
    public void Missing_tensor_is_named()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 13);
        model.Config.Save(Path.Combine(_dir, PolicyCheckpoint.ConfigFile));
        var tensors = model.state_dict().Where(kv => kv.Key != "model.layers.1.mlp.up_proj.weight").ToDictionary();
        using (var stream = File.Create(Path.Combine(_dir, PolicyCheckpoint.WeightsFile))) Safetensors.SaveStateDict(stream, tensors);
        var error = Assert.Throws<InvalidDataException>(() => PolicyCheckpoint.Load(_dir));
        Assert.Contains("'model.layers.1.mlp.up_proj.weight' is missing from model.safetensors", error.Message);
    }

    [Fact]
    public void Shape_mismatch_names_the_tensor_and_the_file()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 14);
        PolicyCheckpoint.Save(model, _dir);
        // The same weights under a config that claims a larger vocabulary.
        (model.Config with { VocabSize = 80 }).Save(Path.Combine(_dir, PolicyCheckpoint.ConfigFile));
        var error = Assert.Throws<InvalidDataException>(() => PolicyCheckpoint.Load(_dir));
        Assert.Contains(PolicyCheckpoint.WeightsFile, error.Message);
        Assert.Contains("'model.embed_tokens.weight' has shape [64, 32], the config needs [80, 32]", error.Message);
    }

    [Fact]
    public void Unexpected_tensor_is_named()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Llama, seed: 15);
        PolicyCheckpoint.Save(model, _dir);
        // Two layers of weights under a one-layer config.
        (model.Config with { NumHiddenLayers = 1 }).Save(Path.Combine(_dir, PolicyCheckpoint.ConfigFile));
        var error = Assert.Throws<InvalidDataException>(() => PolicyCheckpoint.Load(_dir));
        Assert.Matches("model\\.safetensors: tensor 'model\\.layers\\.1\\.[a-z_.]+' has no place", error.Message);
    }
}
