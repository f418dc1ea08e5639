using Vigil.Core.Text;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Core.Text;

public class HashedNgramEncoderTests
{
    private static float Cos(float[] v, int dim, int a, int b) => VectorRows.Dot(VectorRows.Row(v, dim, a), VectorRows.Row(v, dim, b));

    [Fact]
    public void SeparateInstancesGiveIdenticalVectors()
    {
        var texts = new[] { "Just setting up my twttr", "RT @user: Win a FREE iPhone!!! https://t.co/x", "日本語のテキスト" };
        var a = new HashedNgramEncoder().Encode(texts);
        var b = new HashedNgramEncoder().Encode(texts);
        Assert.Equal(a, b);
        Assert.Equal(new HashedNgramEncoder().Name, new HashedNgramEncoder().Name);
    }

    [Fact]
    public void RowsAreUnitNormAndBlankOrFeaturelessRowsAreZero()
    {
        var encoder = new HashedNgramEncoder();
        var v = encoder.Encode(new[] { "hello world", "", "  \t", null!, "?!.", "a" });
        Assert.Equal(6 * 384, v.Length);
        Assert.Equal(1.0, Math.Sqrt(VectorRows.Dot(VectorRows.Row(v, 384, 0), VectorRows.Row(v, 384, 0))), 5);
        Assert.Equal(1.0, Math.Sqrt(VectorRows.Dot(VectorRows.Row(v, 384, 5), VectorRows.Row(v, 384, 5))), 5);
        foreach (int zero in new[] { 1, 2, 3, 4 })
            Assert.All(VectorRows.Row(v, 384, zero).ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void SimilarTextsAreCloserThanDissimilarOnes()
    {
        var v = new HashedNgramEncoder().Encode(new[]
        {
            "Win a free iPhone now, click the link to claim your prize",
            "Click the link now to claim your free iPhone prize",
            "Had a lovely walk along the river with my grandmother this morning",
        });
        Assert.True(Cos(v, 384, 0, 1) > Cos(v, 384, 0, 2) + 0.3f, $"similar {Cos(v, 384, 0, 1)}, dissimilar {Cos(v, 384, 0, 2)}");
    }

    [Fact]
    public void UrlsMentionsAndCaseDoNotChangeTheVector()
    {
        var v = new HashedNgramEncoder().Encode(new[]
        {
            "Great thread by @alice https://t.co/abc",
            "great THREAD by @bob http://example.org/x?y=1",
        });
        Assert.Equal(VectorRows.Row(v, 384, 0).ToArray(), VectorRows.Row(v, 384, 1).ToArray());
    }

    [Fact]
    public void RepeatedWordsCountSublinearlyWithSignedBuckets()
    {
        // Word unigrams only: "cat cat dog" is (1 + ln 2)·±e_cat ± e_dog and "cat dog" is ±e_cat ± e_dog, so,
        // whatever buckets and signs the hash picks (as long as the two words do not share a bucket), their
        // cosine is (1 + ln 2 + 1) / (sqrt((1 + ln 2)² + 1) · sqrt 2).
        var encoder = new HashedNgramEncoder(new HashedNgramOptions { MaxWordN = 1, CharWeight = 0, Dimension = 1024 });
        var v = encoder.Encode(new[] { "cat cat dog", "cat dog", "cat", "dog" });
        Assert.True(Math.Abs(Cos(v, 1024, 2, 3)) < 1e-6, "the two words share a bucket; pick other words");
        double tf = 1 + Math.Log(2);
        double expected = (tf + 1) / (Math.Sqrt(tf * tf + 1) * Math.Sqrt(2));
        Assert.Equal(expected, Cos(v, 1024, 0, 1), 5);
        Assert.Equal(1, VectorRows.Row(v, 1024, 2).ToArray().Count(x => x != 0)); // one word, one bucket
    }

    [Fact]
    public void ParallelAndSerialEncodingAgreeExactly()
    {
        var rng = new Random(5);
        string[] words = { "bot", "follow", "news", "crypto", "love", "music", "today", "free", "game", "vote" };
        var texts = Enumerable.Range(0, 1500)
            .Select(i => i % 97 == 0 ? "" : string.Join(' ', Enumerable.Range(0, 1 + rng.Next(15)).Select(_ => words[rng.Next(words.Length)])))
            .ToArray();
        var serial = new HashedNgramEncoder(new HashedNgramOptions { MaxDegreeOfParallelism = 1 }).Encode(texts);
        var parallel = new HashedNgramEncoder(new HashedNgramOptions { MaxDegreeOfParallelism = 4 }).Encode(texts);
        Assert.Equal(serial, parallel);
        var oneByOne = new HashedNgramEncoder();
        foreach (int i in new[] { 0, 1, 700, 1499 })
            Assert.Equal(VectorRows.Row(serial, 384, i).ToArray(), oneByOne.Encode(new[] { texts[i] }));
    }

    [Fact]
    public void NameReflectsSettingsAndSeedChangesVectors()
    {
        var a = new HashedNgramEncoder();
        var b = new HashedNgramEncoder(new HashedNgramOptions { Seed = 1 });
        Assert.NotEqual(a.Name, b.Name);
        Assert.NotEqual(a.Encode(new[] { "hello there" }), b.Encode(new[] { "hello there" }));
        Assert.Equal(100, new HashedNgramEncoder(new HashedNgramOptions { Dimension = 100 }).Encode(new[] { "x" }).Length);
    }

    [Fact]
    public void BadSettingsAreRejectedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HashedNgramEncoder(new HashedNgramOptions { Dimension = 0 }));
        Assert.Equal("Dimension", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashedNgramEncoder(new HashedNgramOptions { MinCharN = 4, MaxCharN = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashedNgramEncoder(new HashedNgramOptions { WordWeight = 0, CharWeight = 0 }));
    }
}
