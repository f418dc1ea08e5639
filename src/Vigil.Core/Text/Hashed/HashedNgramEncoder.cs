using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Vigil.Core.Text.Hashed;

/// <summary>
/// A fast, deterministic, model-free text encoder for full-scale runs: word n-grams and character n-grams of the
/// normalised text (<see cref="TweetTextNormalizer"/>) are hashed with XxHash3 (stable across processes and
/// machines, unlike <see cref="string.GetHashCode()"/>) into <see cref="Dimension"/> buckets with a hash-derived
/// sign (so collisions cancel in expectation rather than pile up). Each distinct n-gram counts
/// 1 + ln(tf) (sublinear term frequency). The word part and the character part are L2-normalised separately,
/// so the many character n-grams do not drown the words, then weighted, summed and normalised again.
/// </summary>
public sealed class HashedNgramEncoder : ITextEncoder
{
    // Texts per parallel work item: a tweet takes ~10 µs, so 32 of them amortise scheduling while a batch of 64
    // still spreads over two cores.
    private const int ChunkSize = 32;
    private readonly HashedNgramOptions _options;
    private readonly long _wordSeed, _charSeed;

    public string Name { get; }
    public int Dimension => _options.Dimension;
    public HashedNgramOptions Options => _options;

    public HashedNgramEncoder(HashedNgramOptions? options = null)
    {
        _options = options ?? new HashedNgramOptions();
        _options.Validate();
        Name = _options.EncoderName;
        // Separate seeds keep the word "cat" and the character trigram "cat" apart.
        _wordSeed = _options.Seed * 2 + 0x5745;
        _charSeed = _options.Seed * 2 + 0x4348;
    }

    public float[] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int dim = Dimension;
        var result = VectorRows.Allocate(texts.Count, dim);
        int chunks = (texts.Count + ChunkSize - 1) / ChunkSize;
        if (chunks <= 1 || _options.MaxDegreeOfParallelism == 1)
        {
            EncodeRange(texts, 0, texts.Count, result, new Scratch(dim));
            return result;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism },
            () => new Scratch(dim),
            (chunk, _, scratch) =>
            {
                int start = chunk * ChunkSize;
                EncodeRange(texts, start, Math.Min(texts.Count, start + ChunkSize), result, scratch);
                return scratch;
            },
            _ => { });
        return result;
    }

    private void EncodeRange(IReadOnlyList<string> texts, int start, int end, float[] result, Scratch scratch)
    {
        for (int i = start; i < end; i++)
        {
            var text = texts[i];
            if (BlankText.IsBlank(text)) continue; // the zero row
            EncodeOne(text, result.AsSpan(i * Dimension, Dimension), scratch);
        }
    }

    private void EncodeOne(string text, Span<float> row, Scratch s)
    {
        TweetTextNormalizer.Normalize(text, s.Text);
        var chars = s.Text.Chars;
        var tokens = s.Text.Tokens;
        if (_options.WordWeight > 0)
        {
            s.Hashes.Clear();
            for (int n = _options.MinWordN; n <= _options.MaxWordN; n++)
                for (int t = 0; t + n <= tokens.Length; t++)
                    s.Hashes.Add(Hash(chars[tokens[t].Start..tokens[t + n - 1].End], _wordSeed));
            AddPart(s.Hashes, row, s.Part, _options.WordWeight);
        }
        if (_options.CharWeight > 0)
        {
            s.Hashes.Clear();
            foreach (var token in tokens)
            {
                if (token.IsPlaceholder) continue;
                // The spaces on each side of a token mark where words begin and end.
                var padded = chars.Slice(token.Start - 1, token.Length + 2);
                for (int n = _options.MinCharN; n <= _options.MaxCharN && n <= padded.Length; n++)
                    for (int k = 0; k + n <= padded.Length; k++)
                        s.Hashes.Add(Hash(padded.Slice(k, n), _charSeed));
            }
            AddPart(s.Hashes, row, s.Part, _options.CharWeight);
        }
        VectorRows.Normalize(row);
    }

    private static ulong Hash(ReadOnlySpan<char> gram, long seed) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(gram), seed);

    /// <summary>Buckets one part's n-gram hashes with sublinear counts, normalises it and adds it to the row.</summary>
    private static void AddPart(HashList hashes, Span<float> row, float[] part, float weight)
    {
        if (hashes.Count == 0) return;
        var span = hashes.AsSpan();
        span.Sort(); // equal n-grams become runs, which gives their counts without a dictionary
        Array.Clear(part);
        uint dim = (uint)part.Length;
        for (int i = 0; i < span.Length;)
        {
            ulong h = span[i];
            int j = i + 1;
            while (j < span.Length && span[j] == h) j++;
            float tf = 1f + MathF.Log(j - i);
            int bucket = (int)(((ulong)(uint)h * dim) >> 32); // low bits pick the bucket (multiply-shift range)
            part[bucket] += (h >> 63) == 0 ? tf : -tf;        // the top bit picks the sign
            i = j;
        }
        VectorRows.Normalize(part);
        for (int d = 0; d < row.Length; d++) row[d] += weight * part[d];
    }

    /// <summary>Holds nothing native; present because encoders are disposable as a family.</summary>
    public void Dispose() { }

    private sealed class Scratch(int dimension)
    {
        public readonly NormalizedText Text = new();
        public readonly HashList Hashes = new();
        public readonly float[] Part = new float[dimension];
    }

    /// <summary>A growable list of hashes that exposes its span for sorting.</summary>
    private sealed class HashList
    {
        private ulong[] _items = new ulong[512];
        public int Count { get; private set; }
        public void Clear() => Count = 0;
        public void Add(ulong h)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = h;
        }
        public Span<ulong> AsSpan() => _items.AsSpan(0, Count);
    }
}
