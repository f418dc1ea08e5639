using System.Text.Json;

namespace Vigil.Safety.Rewards;

/// <summary>
/// A SafeLadder reward recipe, as data. Each training sample carries a label that picks its entry; its reward is
/// <c>format.weight × format score (when the entry applies it) + Σ weightᵢ × verifierᵢ score + Σ weightⱼ × ruleⱼ score</c>.
/// JSON layout:
/// <code>
/// {
///   "name": "m3rl",
///   "format": { "verifier": "think_format", "weight": 0.5 },           // optional
///   "labels": {
///     "safety":    { "verifiers": [ { "name": "safety_learned", "weight": 1 } ] },
///     "knowledge": { "verifiers": [ { "name": "knowledge_match", "weight": 1 } ],
///                    "rules": [ { "name": "instruction_following", "weight": 0.2 } ],
///                    "format": false }                                  // optional, default true
///   }
/// }
/// </code>
/// Loading validates everything (unknown properties, missing or empty lists, duplicate verifiers within an entry,
/// weights that are not finite and ≥ 0) and throws <see cref="RewardRecipeException"/> naming the JSON path.
/// </summary>
public sealed class RewardRecipe
{
    public string Name { get; }
    public RewardTerm? Format { get; }
    public IReadOnlyDictionary<string, RewardRecipeEntry> Labels { get; }

    public RewardRecipe(string name, RewardTerm? format, IReadOnlyDictionary<string, RewardRecipeEntry> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0) throw new RewardRecipeException($"recipe '{name}': it defines no labels.");
        Name = name;
        Format = format;
        Labels = labels;
    }

    /// <summary>Every verifier name the recipe refers to.</summary>
    public IEnumerable<string> VerifierNames() =>
        Labels.Values.SelectMany(e => e.Verifiers.Concat(e.Rules)).Select(t => t.Verifier)
            .Concat(Format is null ? Array.Empty<string>() : new[] { Format.Verifier }).Distinct(StringComparer.Ordinal);

    public static RewardRecipe Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Reward recipe not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="source">names the recipe in error messages (a file path)</param>
    public static RewardRecipe Parse(string json, string source = "recipe")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new RewardRecipeException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, source, "$");
            Allow(root, source, "$", "name", "format", "labels");
            var name = root.TryGetProperty("name", out var n) ? String(n, source, "$.name") : Path.GetFileNameWithoutExtension(source);
            RewardTerm? format = null;
            if (root.TryGetProperty("format", out var f) && f.ValueKind != JsonValueKind.Null)
            {
                Expect(f, JsonValueKind.Object, source, "$.format");
                Allow(f, source, "$.format", "verifier", "weight");
                format = new RewardTerm(String(Required(f, "verifier", source, "$.format"), source, "$.format.verifier"),
                    Weight(Required(f, "weight", source, "$.format"), source, "$.format.weight"));
            }
            var labelsElement = Required(root, "labels", source, "$");
            Expect(labelsElement, JsonValueKind.Object, source, "$.labels");
            var labels = new Dictionary<string, RewardRecipeEntry>(StringComparer.Ordinal);
            foreach (var label in labelsElement.EnumerateObject())
            {
                string at = $"$.labels.{label.Name}";
                if (string.IsNullOrWhiteSpace(label.Name)) throw new RewardRecipeException($"{source}: {at}: a label name must not be blank.");
                if (labels.ContainsKey(label.Name)) throw new RewardRecipeException($"{source}: {at}: label defined twice.");
                Expect(label.Value, JsonValueKind.Object, source, at);
                Allow(label.Value, source, at, "verifiers", "rules", "format");
                var verifiers = Terms(Required(label.Value, "verifiers", source, at), source, at + ".verifiers", allowEmpty: false);
                var rules = label.Value.TryGetProperty("rules", out var r) ? Terms(r, source, at + ".rules", allowEmpty: true) : Array.Empty<RewardTerm>();
                var duplicate = verifiers.Concat(rules).GroupBy(t => t.Verifier).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null) throw new RewardRecipeException($"{source}: {at}: verifier '{duplicate.Key}' appears more than once.");
                bool applyFormat = true;
                if (label.Value.TryGetProperty("format", out var af))
                {
                    if (af.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new RewardRecipeException($"{source}: {at}.format: must be true or false, found {af.ValueKind}.");
                    applyFormat = af.GetBoolean();
                }
                labels[label.Name] = new RewardRecipeEntry(verifiers, rules, applyFormat);
            }
            if (labels.Count == 0) throw new RewardRecipeException($"{source}: $.labels: the recipe defines no labels.");
            return new RewardRecipe(name, format, labels);
        }
    }

    private static RewardTerm[] Terms(JsonElement element, string source, string at, bool allowEmpty)
    {
        Expect(element, JsonValueKind.Array, source, at);
        var terms = new List<RewardTerm>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            string here = $"{at}[{i++}]";
            Expect(item, JsonValueKind.Object, source, here);
            Allow(item, source, here, "name", "weight");
            terms.Add(new RewardTerm(String(Required(item, "name", source, here), source, here + ".name"), Weight(Required(item, "weight", source, here), source, here + ".weight")));
        }
        if (!allowEmpty && terms.Count == 0) throw new RewardRecipeException($"{source}: {at}: needs at least one verifier.");
        return terms.ToArray();
    }

    private static JsonElement Required(JsonElement obj, string property, string source, string at) =>
        obj.TryGetProperty(property, out var value) ? value : throw new RewardRecipeException($"{source}: {at}: missing \"{property}\".");

    private static void Expect(JsonElement element, JsonValueKind kind, string source, string at)
    {
        if (element.ValueKind != kind) throw new RewardRecipeException($"{source}: {at}: expected {kind.ToString().ToLowerInvariant()}, found {element.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static void Allow(JsonElement obj, string source, string at, params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
            if (!known.Contains(p.Name, StringComparer.Ordinal))
                throw new RewardRecipeException($"{source}: {at}: unknown property \"{p.Name}\"; allowed: {string.Join(", ", known)}.");
    }

    private static string String(JsonElement element, string source, string at)
    {
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            throw new RewardRecipeException($"{source}: {at}: expected a non-empty string.");
        return element.GetString()!;
    }

    private static double Weight(JsonElement element, string source, string at)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var w) || !double.IsFinite(w) || w < 0)
            throw new RewardRecipeException($"{source}: {at}: a weight must be a finite number ≥ 0, found {element.GetRawText()}.");
        return w;
    }
}
