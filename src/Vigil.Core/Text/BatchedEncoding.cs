using System.Diagnostics;

namespace Vigil.Core.Text;

/// <summary>
/// Runs an encoder over inputs too large for one call: fixed-size batches keep memory bounded, and a progress
/// callback after each batch makes day-long runs observable.
/// </summary>
public static class BatchedEncoding
{
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Encodes <paramref name="texts"/> lazily, one <see cref="EncodedBatch"/> of up to
    /// <paramref name="batchSize"/> texts at a time, so the caller can write vectors out without ever holding
    /// all of them (1M users × 21 texts × 384 floats is ~32 GB).
    /// </summary>
    public static IEnumerable<EncodedBatch> EncodeStream(this ITextEncoder encoder, IEnumerable<string> texts,
        int batchSize = DefaultBatchSize, Action<EncodingProgress>? progress = null, long? total = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        CheckBatchSize(batchSize);
        return Stream(encoder, texts, batchSize, progress, total, cancellation);
    }

    private static IEnumerable<EncodedBatch> Stream(ITextEncoder encoder, IEnumerable<string> texts, int batchSize,
        Action<EncodingProgress>? progress, long? total, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var batch = new List<string>(batchSize);
        long first = 0;
        foreach (var text in texts)
        {
            batch.Add(text);
            if (batch.Count < batchSize) continue;
            yield return EncodeOne(encoder, batch, ref first, progress, total, clock, cancellation);
            batch.Clear();
        }
        if (batch.Count > 0) yield return EncodeOne(encoder, batch, ref first, progress, total, clock, cancellation);
    }

    private static EncodedBatch EncodeOne(ITextEncoder encoder, List<string> batch, ref long first,
        Action<EncodingProgress>? progress, long? total, Stopwatch clock, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var vectors = encoder.Encode(batch);
        if (vectors.Length != (long)batch.Count * encoder.Dimension)
            throw new InvalidOperationException($"Encoder '{encoder.Name}' returned {vectors.Length} floats for {batch.Count} texts of dimension {encoder.Dimension}.");
        var result = new EncodedBatch(first, batch.Count, encoder.Dimension, vectors);
        first += batch.Count;
        progress?.Invoke(new EncodingProgress(first, total, clock.Elapsed));
        return result;
    }

    /// <summary>
    /// Encodes all of <paramref name="texts"/> into one row-major [texts.Count, Dimension] array, in batches
    /// of <paramref name="batchSize"/>, reporting progress after each batch.
    /// </summary>
    public static float[] EncodeAll(this ITextEncoder encoder, IReadOnlyList<string> texts,
        int batchSize = DefaultBatchSize, Action<EncodingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        CheckBatchSize(batchSize);
        int dim = encoder.Dimension;
        var result = VectorRows.Allocate(texts.Count, dim);
        foreach (var batch in EncodeStream(encoder, texts, batchSize, progress, texts.Count, cancellation))
            batch.Vectors.CopyTo(result, batch.FirstIndex * dim);
        return result;
    }

    private static void CheckBatchSize(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"Batch size must be at least 1, got {batchSize}.");
    }
}
