using Vigil.Bots.Data;
using Vigil.Bots.Features;

namespace Vigil.Tests.Bots.Features;

/// <summary>The feature cache: a second extraction reads the file without encoding; any setting or content change misses it.</summary>
public class BotFeatureCacheTests
{
    private static BotDataset Read() => FeatureTestInput.HandMade();

    private static CountingEncoder Encoder(int dimension = 16) => new(FeatureTestInput.Encoder(dimension));

    [Fact]
    public void ASecondExtractionReadsTheCacheAndEncodesNothing()
    {
        using var cache = new DatasetFolder();
        var options = new BotFeatureOptions { CacheDirectory = cache.Path };
        using var first = Encoder();
        var computed = BotFeatureExtractor.Extract(Read(), first, options);
        Assert.False(computed.FromCache);
        Assert.Equal(8, first.Texts);
        Assert.True(File.Exists(BotFeatureCacheFile.PathFor(cache.Path, computed.Key)));

        using var second = Encoder();
        var cached = BotFeatureExtractor.Extract(Read(), second, options);
        Assert.True(cached.FromCache);
        Assert.Equal(0, second.Texts);
        Assert.Equal(computed.Key, cached.Key);
        foreach (var (a, b) in new[] { (computed.Numeric, cached.Numeric), (computed.Categorical, cached.Categorical), (computed.Description, cached.Description), (computed.Tweets, cached.Tweets) })
            Assert.Equal(a.Dense, b.Dense);
        Assert.Equal(computed.Graph.Relations.Count, cached.Graph.Relations.Count);
    }

    [Fact]
    public void ASettingOrContentChangeMissesTheCache()
    {
        using var cache = new DatasetFolder();
        var options = new BotFeatureOptions { CacheDirectory = cache.Path };
        using (var warm = Encoder()) BotFeatureExtractor.Extract(Read(), warm, options);

        using var encoder = Encoder();
        Assert.False(BotFeatureExtractor.Extract(Read(), encoder, options with { TweetsPerUser = 1 }).FromCache);
        Assert.False(BotFeatureExtractor.Extract(Read(), encoder, options with { Normalization = NormalizationScope.TrainingUsers }).FromCache);
        using (var wider = Encoder(32)) Assert.False(BotFeatureExtractor.Extract(Read(), wider, options).FromCache);
        var changed = Read();
        changed.SetSplit(3, DataSplit.Train);
        Assert.False(BotFeatureExtractor.Extract(changed, encoder, options).FromCache);
        // The original settings still hit.
        Assert.True(BotFeatureExtractor.Extract(Read(), encoder, options).FromCache);
    }

    [Fact]
    public void ADamagedCacheFileIsRecomputedAndRewritten()
    {
        using var cache = new DatasetFolder();
        var options = new BotFeatureOptions { CacheDirectory = cache.Path };
        using var encoder = Encoder();
        var computed = BotFeatureExtractor.Extract(Read(), encoder, options);
        var path = BotFeatureCacheFile.PathFor(cache.Path, computed.Key);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var again = BotFeatureExtractor.Extract(Read(), encoder, options);
        Assert.False(again.FromCache);
        Assert.Equal(computed.Description.Dense, again.Description.Dense);
        Assert.True(BotFeatureExtractor.Extract(Read(), encoder, options).FromCache);
    }
}
