using Vigil.Core.Text;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Core.Text;

public class BatchedEncodingTests
{
    private static readonly string[] Texts = Enumerable.Range(0, 10).Select(i => i == 4 ? " " : $"text number {i} about topic {i % 3}").ToArray();

    [Fact]
    public void StreamYieldsConsecutiveBatchesEqualToOneCall()
    {
        var encoder = new HashedNgramEncoder();
        var whole = encoder.Encode(Texts);
        var progress = new List<EncodingProgress>();
        var batches = encoder.EncodeStream(Texts.Where(_ => true), batchSize: 4, progress.Add).ToList();
        Assert.Equal(new long[] { 0, 4, 8 }, batches.Select(b => b.FirstIndex));
        Assert.Equal(new[] { 4, 4, 2 }, batches.Select(b => b.Count));
        Assert.Equal(whole, batches.SelectMany(b => b.Vectors).ToArray());
        Assert.Equal(new long[] { 4, 8, 10 }, progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Null(p.Total));
        Assert.Equal(whole.AsSpan(9 * 384, 384).ToArray(), batches[2].Row(1).ToArray());
    }

    [Fact]
    public void EncodeAllMatchesOneCallAndReportsTotals()
    {
        var counting = new CountingEncoder();
        var progress = new List<EncodingProgress>();
        var all = counting.EncodeAll(Texts, batchSize: 3, progress.Add);
        Assert.Equal(counting.Reference(Texts), all);
        Assert.Equal(4, counting.Calls);
        Assert.Equal(new long[] { 3, 6, 9, 10 }, progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(10, p.Total));
    }

    [Fact]
    public void BadBatchSizeIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashedNgramEncoder().EncodeAll(Texts, batchSize: 0));
}
