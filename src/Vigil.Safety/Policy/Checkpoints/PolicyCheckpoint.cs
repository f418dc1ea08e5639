using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.PyBridge;
using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Checkpoints;

/// <summary>
/// Hugging Face checkpoint folders: <c>config.json</c> plus <c>model.safetensors</c> or shards listed in
/// <c>model.safetensors.index.json</c>. Loading converts bf16/fp16 weights to float32; saving writes float32.
/// </summary>
public static class PolicyCheckpoint
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "model.safetensors";
    public const string IndexFile = "model.safetensors.index.json";

    public static TransformerLanguageModel Load(string directory)
    {
        var config = TransformerConfig.Load(Path.Combine(directory, ConfigFile));
        var model = new TransformerLanguageModel(config);
        try
        {
            LoadWeights(model, directory);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>Copies every parameter from the folder's safetensors into <paramref name="model"/>, checking names and shapes.</summary>
    public static void LoadWeights(TransformerLanguageModel model, string directory)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var shards = ShardsOf(directory);
        var loaded = new HashSet<string>();
        using var noGrad = no_grad();
        foreach (string file in shards)
        {
            var tensors = ReadSafetensors(file);
            try
            {
                foreach (var (name, source) in tensors)
                {
                    if (!parameters.TryGetValue(name, out var target))
                    {
                        // Tied checkpoints sometimes still carry lm_head, and old Llama ones their rotary buffers.
                        if (name == "lm_head.weight" && model.Config.TieWordEmbeddings) continue;
                        if (name.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal)) continue;
                        throw new InvalidDataException($"{file}: tensor '{name}' has no place in a {model.Config.ModelType} model of this config");
                    }
                    if (!source.shape.SequenceEqual(target.shape))
                        throw new InvalidDataException(
                            $"{file}: tensor '{name}' has shape [{string.Join(", ", source.shape)}], the config needs [{string.Join(", ", target.shape)}]");
                    if (!loaded.Add(name)) throw new InvalidDataException($"{file}: tensor '{name}' appears in more than one shard");
                    target.copy_(source);
                }
            }
            finally
            {
                foreach (var tensor in tensors.Values) tensor.Dispose();
            }
        }
        var missing = parameters.Keys.Where(name => !loaded.Contains(name)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException(
                $"{directory}: tensor '{missing[0]}' is missing from {string.Join(", ", shards.Select(Path.GetFileName))}" +
                (missing.Count > 1 ? $" (and {missing.Count - 1} more)" : ""));
    }

    /// <summary>Writes <c>config.json</c> and a single float32 <c>model.safetensors</c> into <paramref name="directory"/>.</summary>
    public static void Save(TransformerLanguageModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        model.Config.Save(Path.Combine(directory, ConfigFile));
        using var scope = NewDisposeScope();
        var tensors = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().to_type(ScalarType.Float32).contiguous());
        using var stream = File.Create(Path.Combine(directory, WeightsFile));
        Safetensors.SaveStateDict(stream, tensors);
    }

    private static Dictionary<string, Tensor> ReadSafetensors(string file)
    {
        try
        {
            return Safetensors.LoadStateDict(file);
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new InvalidDataException($"{file}: not a readable safetensors file ({e.Message})", e);
        }
    }

    private static IReadOnlyList<string> ShardsOf(string directory)
    {
        string single = Path.Combine(directory, WeightsFile);
        if (File.Exists(single)) return [single];
        string index = Path.Combine(directory, IndexFile);
        if (!File.Exists(index)) throw new FileNotFoundException($"{directory}: neither {WeightsFile} nor {IndexFile} is there", single);
        var map = (JsonNode.Parse(File.ReadAllText(index)) as JsonObject)?["weight_map"] as JsonObject
                  ?? throw new InvalidDataException($"{index}: no 'weight_map' object");
        var files = new List<string>();
        foreach (var (name, value) in map)
        {
            string shard = value?.GetValue<string>() ?? throw new InvalidDataException($"{index}: weight_map entry '{name}' names no file");
            string path = Path.Combine(directory, shard);
            if (!File.Exists(path)) throw new FileNotFoundException($"{index}: shard '{shard}' of tensor '{name}' is not in {directory}", path);
            if (!files.Contains(path)) files.Add(path);
        }
        return files;
    }
}
