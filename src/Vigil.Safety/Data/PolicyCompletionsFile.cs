using System.Text.Json;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Data;

/// <summary>
/// Writes a policy run's answers in the refusal-direction layout that <see cref="CompletionsFile"/> reads
/// (<c>{"completions": [{"prompt", "response", "prompt_kind", "category", "suite", "model"}]}</c>), so they can be
/// judged again without re-running the policy.
/// </summary>
public static class PolicyCompletionsFile
{
    /// <summary>Refuses a path that does not end in .json; callers check it before generating anything to save.</summary>
    public static void RequireJsonPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Completions are saved as JSON; '{path}' should end in .json.", nameof(path));
    }

    public static void Write(string path, IReadOnlyList<CompletionItem> items)
    {
        RequireJsonPath(path);
        ArgumentNullException.ThrowIfNull(items);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var document = new
        {
            completions = items.Select(i => new
            {
                prompt = i.Prompt,
                response = i.Response,
                prompt_kind = i.PromptKind == PromptKind.Unknown ? null : i.PromptKind.ToString().ToLowerInvariant(),
                category = i.Category,
                suite = i.Suite,
                model = i.Model,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }
}
