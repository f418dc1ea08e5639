using Vigil.Core.Text;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Core.Text;

/// <summary>A real (hashed) encoder that records every text it is asked to encode, to see what a wrapper forwards.</summary>
internal sealed class CountingEncoder : ITextEncoder
{
    private readonly HashedNgramEncoder _inner = new(new HashedNgramOptions { Dimension = 16 });
    public List<string> Seen { get; } = new();
    public int Calls { get; private set; }
    public bool Disposed { get; private set; }

    public string Name => "counting:" + _inner.Name;
    public int Dimension => _inner.Dimension;

    public float[] Encode(IReadOnlyList<string> texts)
    {
        Calls++;
        Seen.AddRange(texts);
        return _inner.Encode(texts);
    }

    /// <summary>What the encoder gives, without being counted: the independent reference for cached vectors.</summary>
    public float[] Reference(IReadOnlyList<string> texts) => _inner.Encode(texts);

    public void Dispose() => Disposed = true;
}
