using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Training.Grpo;

namespace Vigil.Safety.Training.Ladder;

/// <summary>
/// The ladder's store for the transformer policy: a policy is a Hugging Face folder (<c>config.json</c>, safetensors,
/// tokenizer files). Opening loads the model with <see cref="PolicyCheckpoint"/>, the tokenizer with the given opener,
/// and samples rollouts with the KV-cached <see cref="PolicyTextGenerator"/>. Saving writes the weights and copies
/// every other file of the folder the policy was opened from (tokenizer, generation config), so a saved stage opens
/// like the original.
/// </summary>
public sealed class TransformerPolicyStore : IPolicyStore
{
    private readonly Func<string, ITextTokenizer> _openTokenizer;
    private readonly Dictionary<ICausalLanguageModel, string> _origins = new(ReferenceEqualityComparer.Instance);

    /// <param name="openTokenizer">reads the tokenizer of a policy folder</param>
    public TransformerPolicyStore(Func<string, ITextTokenizer> openTokenizer)
    {
        _openTokenizer = openTokenizer ?? throw new ArgumentNullException(nameof(openTokenizer));
    }

    public LadderPolicy Open(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Policy folder not found: {directory}");
        var model = PolicyCheckpoint.Load(directory);
        var tokenizer = _openTokenizer(directory);
        _origins[model] = Path.GetFullPath(directory);
        return new LadderPolicy(model, tokenizer, new PolicyTextGenerator(model, tokenizer));
    }

    public void Save(LadderPolicy policy, string directory)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Model is not Policy.Model.TransformerLanguageModel model)
            throw new ArgumentException($"The transformer store saves transformer policies, not {policy.Model.GetType().Name}.", nameof(policy));
        var partial = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        PolicyCheckpoint.Save(model, partial);
        if (_origins.TryGetValue(model, out var origin))
            foreach (var file in Directory.EnumerateFiles(origin))
            {
                var name = Path.GetFileName(file);
                if (!File.Exists(Path.Combine(partial, name)) && !name.EndsWith(".safetensors", StringComparison.Ordinal) && name != PolicyCheckpoint.IndexFile)
                    File.Copy(file, Path.Combine(partial, name));
            }
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.Move(partial, directory);
    }
}
