using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Vigil.Safety.Policy.Tokenization;

/// <summary>
/// A byte-level BPE tokenizer (GPT-2, Qwen2, Llama 3 and Vigil's trained demo tokenizers) over Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>: loaded from and saved to a Hugging Face <c>tokenizer.json</c> (<see cref="TokenizerJsonFile"/>).
/// Added tokens in the text encode as their single id. The end-of-sequence and padding ids come from named added
/// tokens: given explicitly, else <c>eos_token</c>/<c>pad_token</c> of a <c>tokenizer_config.json</c> beside the file,
/// else the first present of the usual names (<see cref="EndOfSequenceNames"/>, <see cref="PaddingNames"/>); padding
/// falls back to end of sequence. Limitation: <c>ignore_merges</c> (Llama 3) is not applied, which changes ids only for
/// the rare vocabulary words that their merges do not rebuild.
/// </summary>
public sealed class BpeTextTokenizer : ITextTokenizer
{
    public static IReadOnlyList<string> EndOfSequenceNames { get; } = new[] { "<|end|>", "<|im_end|>", "<|eot_id|>", "<|endoftext|>", "</s>", "<eos>" };
    public static IReadOnlyList<string> PaddingNames { get; } = new[] { "<|pad|>", "<|endoftext|>", "<pad>" };

    private readonly BpeTokenizer _bpe;
    private readonly Dictionary<int, AddedToken> _addedById;

    public BpeDefinition Definition { get; }
    public int VocabularySize { get; }
    public int EndOfSequenceId { get; }
    public int PaddingId { get; }

    /// <param name="endOfSequence">the added token that ends a sequence; null picks the first of <see cref="EndOfSequenceNames"/> present</param>
    /// <param name="padding">the added token used for padding; null picks the first of <see cref="PaddingNames"/> present, else end of sequence</param>
    public BpeTextTokenizer(BpeDefinition definition, string? endOfSequence = null, string? padding = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _addedById = new Dictionary<int, AddedToken>();
        var addedByContent = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in definition.AddedTokens)
        {
            if (!_addedById.TryAdd(token.Id, token)) throw new ArgumentException($"Two added tokens share id {token.Id}.", nameof(definition));
            if (!addedByContent.TryAdd(token.Content, token.Id)) throw new ArgumentException($"Added token \"{token.Content}\" is listed twice.", nameof(definition));
            if (definition.Vocabulary.TryGetValue(token.Content, out var vocabId) && vocabId != token.Id)
                throw new ArgumentException($"Added token \"{token.Content}\" has id {token.Id} but the vocabulary gives it {vocabId}.", nameof(definition));
        }
        foreach (var (token, id) in definition.Vocabulary)
            if (_addedById.TryGetValue(id, out var added) && added.Content != token)
                throw new ArgumentException($"Id {id} is both vocabulary token \"{token}\" and added token \"{added.Content}\".", nameof(definition));
        var regex = new Regex(definition.PreTokenizerPattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _bpe = BpeTokenizer.Create(new BpeOptions(definition.Vocabulary)
        {
            Merges = definition.Merges.Select(m => $"{m.Left} {m.Right}"),
            ByteLevel = true,
            SpecialTokens = addedByContent,
            PreTokenizer = new RegexPreTokenizer(regex, addedByContent),
        });
        VocabularySize = Math.Max(definition.Vocabulary.Count == 0 ? 0 : definition.Vocabulary.Values.Max() + 1,
            definition.AddedTokens.Count == 0 ? 0 : definition.AddedTokens.Max(a => a.Id) + 1);
        EndOfSequenceId = Resolve(addedByContent, endOfSequence, EndOfSequenceNames, "end-of-sequence")
            ?? throw new ArgumentException($"No end-of-sequence token: none of {string.Join(" ", EndOfSequenceNames)} is an added token; name one.", nameof(endOfSequence));
        PaddingId = Resolve(addedByContent, padding, PaddingNames, "padding") ?? EndOfSequenceId;
    }

    private static int? Resolve(Dictionary<string, int> added, string? name, IReadOnlyList<string> usual, string what)
    {
        if (name is not null)
            return added.TryGetValue(name, out var id) ? id : throw new ArgumentException($"The {what} token \"{name}\" is not an added token of this tokenizer.");
        foreach (var candidate in usual)
            if (added.TryGetValue(candidate, out var id)) return id;
        return null;
    }

    /// <summary>
    /// Loads a tokenizer.json (or the tokenizer.json inside a model directory). Token names not given are read from a
    /// tokenizer_config.json beside it when present.
    /// </summary>
    public static BpeTextTokenizer Load(string path, string? endOfSequence = null, string? padding = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) path = Path.Combine(path, "tokenizer.json");
        var definition = TokenizerJsonFile.Read(path);
        var config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "tokenizer_config.json");
        if (File.Exists(config))
        {
            endOfSequence ??= ConfigToken(config, "eos_token");
            padding ??= ConfigToken(config, "pad_token");
        }
        return new BpeTextTokenizer(definition, endOfSequence, padding);
    }

    private static string? ConfigToken(string config, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(config));
            if (!document.RootElement.TryGetProperty(property, out var value)) return null;
            // Either "token" or an AddedToken object {"content": "token", ...}.
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out var c)) return c.GetString();
            return null;
        }
        catch (JsonException e) { throw new InvalidDataException($"{config}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e); }
    }

    /// <summary>Writes the tokenizer as a tokenizer.json at <paramref name="path"/>.</summary>
    public void Save(string path) => TokenizerJsonFile.Write(Definition, path);

    /// <summary>The id of an added token, or null when <paramref name="content"/> is not one.</summary>
    public int? AddedTokenId(string content) => Definition.AddedTokens.FirstOrDefault(a => a.Content == content)?.Id;

    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Definition.NormalizeNfc) text = text.Normalize(NormalizationForm.FormC);
        return _bpe.EncodeToIds(text, considerPreTokenization: true, considerNormalization: false);
    }

    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // Runs of ordinary ids decode together (a character's UTF-8 bytes may span tokens); added tokens are spliced in.
        var text = new StringBuilder();
        var run = new List<int>();
        foreach (var id in ids)
        {
            if (id < 0 || id >= VocabularySize) throw new ArgumentOutOfRangeException(nameof(ids), $"Token id {id} is outside the vocabulary [0, {VocabularySize}).");
            if (!_addedById.TryGetValue(id, out var added)) { run.Add(id); continue; }
            Flush();
            if (!(skipSpecialTokens && added.Special)) text.Append(added.Content);
        }
        Flush();
        return text.ToString();

        void Flush()
        {
            if (run.Count == 0) return;
            text.Append(_bpe.Decode(run, considerSpecialTokens: false));
            run.Clear();
        }
    }
}
