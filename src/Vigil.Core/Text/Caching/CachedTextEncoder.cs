using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Vigil.Core.Text.Caching;

/// <summary>
/// Wraps any encoder with an on-disk cache so re-runs never re-encode a text: vectors live in an append-only
/// <see cref="EmbeddingCacheFile"/> under <see cref="Directory"/>, one file per (encoder name, dimension), keyed
/// by a hash of the text. Only texts missing from the cache reach the inner encoder, each distinct one once per
/// call. Blank texts get the zero row without touching the cache or the inner encoder. Calls are serialised.
/// </summary>
public sealed class CachedTextEncoder : ITextEncoder
{
    private readonly object _gate = new();
    private readonly ITextEncoder _inner;
    private readonly bool _leaveInnerOpen;
    private readonly EmbeddingCacheFile _file;
    private bool _disposed;

    public string Name => _inner.Name;
    public int Dimension => _inner.Dimension;
    public string Directory { get; }
    public EmbeddingCacheFile File => _file;
    /// <summary>Non-blank texts answered from the cache, and texts sent to the inner encoder, since opening.</summary>
    public long Hits { get; private set; }
    public long Misses { get; private set; }

    /// <param name="inner">the encoder whose vectors are cached; disposed with this one unless <paramref name="leaveInnerOpen"/></param>
    /// <param name="directory">where cache files live (created if missing)</param>
    public CachedTextEncoder(ITextEncoder inner, string directory, bool leaveInnerOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _inner = inner;
        _leaveInnerOpen = leaveInnerOpen;
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        _file = new EmbeddingCacheFile(System.IO.Path.Combine(Directory, FileNameFor(inner.Name, inner.Dimension)), inner.Name, inner.Dimension);
    }

    /// <summary>
    /// A readable, file-system-safe file name for an encoder; the hash keeps names that differ only in
    /// characters replaced by '_' apart (the file header holds the exact name and is checked on opening).
    /// </summary>
    public static string FileNameFor(string encoderName, int dimension)
    {
        var safe = new StringBuilder(encoderName.Length);
        foreach (char c in encoderName) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        if (safe.Length > 80) safe.Length = 80;
        uint nameHash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(encoderName));
        return string.Create(CultureInfo.InvariantCulture, $"{safe}-d{dimension}-{nameHash:x8}.vgtc");
    }

    public float[] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int dim = Dimension;
        var result = VectorRows.Allocate(texts.Count, dim);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var missingTexts = new List<string>();
            var missingKeys = new List<UInt128>();
            var rowsOfKey = new Dictionary<UInt128, List<int>>();
            for (int i = 0; i < texts.Count; i++)
            {
                var text = texts[i];
                if (BlankText.IsBlank(text)) continue;
                var key = EmbeddingCacheFile.KeyOf(text);
                if (_file.TryRead(key, VectorRows.Row(result, dim, i))) { Hits++; continue; }
                if (!rowsOfKey.TryGetValue(key, out var rows))
                {
                    rowsOfKey[key] = rows = new List<int>(1);
                    missingTexts.Add(text);
                    missingKeys.Add(key);
                }
                rows.Add(i);
            }
            if (missingTexts.Count == 0) return result;
            Misses += missingTexts.Count;
            var fresh = _inner.Encode(missingTexts);
            if (fresh.Length != missingTexts.Count * dim)
                throw new InvalidOperationException($"Encoder '{Name}' returned {fresh.Length} floats for {missingTexts.Count} texts of dimension {dim}.");
            for (int m = 0; m < missingKeys.Count; m++)
                foreach (int row in rowsOfKey[missingKeys[m]])
                    fresh.AsSpan(m * dim, dim).CopyTo(VectorRows.Row(result, dim, row));
            _file.Append(missingKeys, fresh);
        }
        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _file.Dispose();
            if (!_leaveInnerOpen) _inner.Dispose();
        }
    }
}
