using Vigil.Core.Text;
using Vigil.Core.Text.MiniLm;

namespace Vigil.Tests.Core.Text;

/// <summary>Loads the 90 MB model once for all MiniLM tests.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEncoder Encoder { get; } = new(batchSize: 4);
    public void Dispose() => Encoder.Dispose();
}

public class MiniLmEncoderTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private readonly MiniLmEncoder _encoder = fixture.Encoder;

    private static readonly string[] Sentences =
    {
        "A man is playing guitar",
        "Someone plays a guitar",
        "The stock market fell today",
        "Follow me for daily crypto giveaways!!! 🚀",
        "I love spending weekends hiking with my dog.",
    };

    [Fact]
    public void VectorsHave384UnitNormRows()
    {
        var v = _encoder.Encode(Sentences);
        Assert.Equal(384, _encoder.Dimension);
        Assert.Equal(Sentences.Length * 384, v.Length);
        for (int i = 0; i < Sentences.Length; i++)
        {
            var row = VectorRows.Row(v, 384, i);
            Assert.Equal(1.0, Math.Sqrt(VectorRows.Dot(row, row)), 5);
        }
    }

    [Fact]
    public void ParaphrasesAreCloserThanUnrelatedSentences()
    {
        var v = _encoder.Encode(Sentences[..3]);
        float paraphrase = VectorRows.Dot(VectorRows.Row(v, 384, 0), VectorRows.Row(v, 384, 1));
        float unrelated = VectorRows.Dot(VectorRows.Row(v, 384, 0), VectorRows.Row(v, 384, 2));
        Assert.True(paraphrase > unrelated + 0.3f, $"cos(paraphrase) = {paraphrase}, cos(unrelated) = {unrelated}");
    }

    [Fact]
    public void BatchedVectorsEqualOneByOneVectors()
    {
        // Batch size 4 over 5 texts of different lengths: two batches, padding inside each.
        var batched = _encoder.Encode(Sentences);
        for (int i = 0; i < Sentences.Length; i++)
        {
            var single = _encoder.Encode(new[] { Sentences[i] });
            var row = VectorRows.Row(batched, 384, i);
            for (int d = 0; d < 384; d++) Assert.Equal(single[d], row[d], 1e-5f);
        }
    }

    [Fact]
    public void BlankTextsGetZeroRowsAndDoNotShiftOthers()
    {
        var texts = new[] { "", "A man is playing guitar", "   \n\t", null!, "The stock market fell today" };
        var v = _encoder.Encode(texts);
        var reference = _encoder.Encode(new[] { "A man is playing guitar", "The stock market fell today" });
        foreach (int blank in new[] { 0, 2, 3 })
            Assert.All(VectorRows.Row(v, 384, blank).ToArray(), x => Assert.Equal(0f, x));
        for (int d = 0; d < 384; d++)
        {
            Assert.Equal(reference[d], v[384 + d], 1e-5f);
            Assert.Equal(reference[384 + d], v[4 * 384 + d], 1e-5f);
        }
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameVectors()
    {
        var expected = _encoder.Encode(Sentences[..2]);
        var results = new float[4][];
        Parallel.For(0, results.Length, i => results[i] = _encoder.Encode(Sentences[..2]));
        foreach (var r in results)
            for (int d = 0; d < r.Length; d++) Assert.Equal(expected[d], r[d], 1e-5f);
    }

    [Fact]
    public void DisposedEncoderRefusesWork()
    {
        var encoder = new MiniLmEncoder();
        encoder.Dispose();
        encoder.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new[] { "hello" }));
    }
}
