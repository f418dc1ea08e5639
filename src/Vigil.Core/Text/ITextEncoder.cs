namespace Vigil.Core.Text;

/// <summary>
/// Turns texts into fixed-size vectors. <see cref="Encode"/> returns a row-major [texts.Count, Dimension] array
/// whose rows are L2-normalised, so a dot product of two rows is their cosine similarity. A null, empty or
/// whitespace-only text gets the zero row, and no model is asked about it. Implementations are safe to call
/// from several threads at once.
/// </summary>
public interface ITextEncoder : IDisposable
{
    /// <summary>
    /// Identifies the model and every setting that changes its output; caches key on it, so two encoders with
    /// the same name and dimension must give the same vectors.
    /// </summary>
    string Name { get; }

    int Dimension { get; }

    /// <summary>Row-major [texts.Count, Dimension] vectors: unit-norm rows, zero rows for blank texts.</summary>
    float[] Encode(IReadOnlyList<string> texts);
}
