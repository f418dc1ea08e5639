using Vigil.Core.Text;

namespace Vigil.Tests.Bots.Features;

/// <summary>Wraps an encoder and counts the texts it is asked to encode, to prove when a cache answered instead.</summary>
internal sealed class CountingEncoder : ITextEncoder
{
    private readonly ITextEncoder _inner;
    private long _texts;

    public CountingEncoder(ITextEncoder inner) => _inner = inner;

    public string Name => _inner.Name;
    public int Dimension => _inner.Dimension;
    public long Texts => Interlocked.Read(ref _texts);

    public float[] Encode(IReadOnlyList<string> texts)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return _inner.Encode(texts);
    }

    public void Dispose() => _inner.Dispose();
}
