using Vigil.Core.Text;
using Vigil.Core.Text.Caching;

namespace Vigil.Tests.Core.Text;

public sealed class CachedTextEncoderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigil-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] Texts = { "first text", "second text", "", "third one", "first text" };

    [Fact]
    public void SecondPassIsServedFromTheCache()
    {
        var inner = new CountingEncoder();
        using var cached = new CachedTextEncoder(inner, _dir);
        var first = cached.Encode(Texts);
        // Blank skipped, duplicate encoded once.
        Assert.Equal(new[] { "first text", "second text", "third one" }, inner.Seen);
        Assert.Equal(inner.Reference(Texts), first);

        var second = cached.Encode(Texts);
        Assert.Equal(1, inner.Calls);
        Assert.Equal(first, second);
        Assert.Equal(4, cached.Hits);
        Assert.Equal(3, cached.Misses);

        cached.Encode(new[] { "second text", "fourth" });
        Assert.Equal(new[] { "first text", "second text", "third one", "fourth" }, inner.Seen);
    }

    [Fact]
    public void CacheSurvivesReopening()
    {
        var firstInner = new CountingEncoder();
        float[] expected;
        using (var cached = new CachedTextEncoder(firstInner, _dir)) expected = cached.Encode(Texts);
        Assert.True(firstInner.Disposed);

        var secondInner = new CountingEncoder();
        using (var reopened = new CachedTextEncoder(secondInner, _dir))
        {
            Assert.Equal(3, reopened.File.Count);
            Assert.Equal(expected, reopened.Encode(Texts));
        }
        Assert.Empty(secondInner.Seen);
    }

    [Fact]
    public void TruncatedTailIsIgnoredAndEarlierRecordsKept()
    {
        string path;
        using (var cached = new CachedTextEncoder(new CountingEncoder(), _dir))
        {
            cached.Encode(new[] { "alpha", "beta" });
            cached.Encode(new[] { "gamma" });
            path = cached.File.Path;
        }
        // A crash mid-write of "gamma"'s record: its last 7 bytes never reached the disk.
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length - 7);

        var inner = new CountingEncoder();
        using (var reopened = new CachedTextEncoder(inner, _dir))
        {
            Assert.Equal(2, reopened.File.Count);
            Assert.True(reopened.File.TruncatedTailBytes > 0);
            var v = reopened.Encode(new[] { "alpha", "beta", "gamma" });
            Assert.Equal(new[] { "gamma" }, inner.Seen);
            Assert.Equal(inner.Reference(new[] { "alpha", "beta", "gamma" }), v);
        }
        // The re-encoded record was appended on a record boundary: all three read back.
        var third = new CountingEncoder();
        using (var again = new CachedTextEncoder(third, _dir))
        {
            Assert.Equal(3, again.File.Count);
            Assert.Equal(0, again.File.TruncatedTailBytes);
            Assert.Equal(third.Reference(new[] { "gamma", "alpha" }), again.Encode(new[] { "gamma", "alpha" }));
        }
        Assert.Empty(third.Seen);
    }

    [Fact]
    public void DamagedRecordIsSkippedWithoutLosingOthers()
    {
        string path;
        long recordBytes = 16 + 16 * 4 + 4;
        using (var cached = new CachedTextEncoder(new CountingEncoder(), _dir))
        {
            cached.Encode(new[] { "one", "two", "three" });
            path = cached.File.Path;
        }
        using (var f = new FileStream(path, FileMode.Open))
        {
            f.Position = f.Length - 2 * recordBytes + 20; // inside the vector of the middle record
            f.WriteByte(0xFF);
        }
        var inner = new CountingEncoder();
        using var reopened = new CachedTextEncoder(inner, _dir);
        Assert.Equal(1, reopened.File.DamagedRecordsSkipped);
        Assert.Equal(inner.Reference(new[] { "one", "two", "three" }), reopened.Encode(new[] { "one", "two", "three" }));
        Assert.Equal(new[] { "two" }, inner.Seen);
    }

    [Fact]
    public void EncodersOfDifferentNamesOrDimensionsUseSeparateFiles()
    {
        using (var a = new CachedTextEncoder(new CountingEncoder(), _dir)) a.Encode(new[] { "x" });
        var hashed = new Vigil.Core.Text.Hashed.HashedNgramEncoder();
        using (var b = new CachedTextEncoder(hashed, _dir)) Assert.Equal(hashed.Encode(new[] { "x" }), b.Encode(new[] { "x" }));
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void ForeignFileIsRefusedNotOverwritten()
    {
        var inner = new CountingEncoder();
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, CachedTextEncoder.FileNameFor(inner.Name, inner.Dimension));
        File.WriteAllText(path, "not a cache at all, just somebody's notes");
        Assert.Throws<InvalidDataException>(() => new CachedTextEncoder(inner, _dir));
        Assert.Equal("not a cache at all, just somebody's notes", File.ReadAllText(path));
    }

    [Fact]
    public void HeaderOfAnotherEncoderIsRefused()
    {
        var path = Path.Combine(Directory.CreateDirectory(_dir).FullName, "cache.vgtc");
        using (var f = new EmbeddingCacheFile(path, "encoder-a", 8)) f.Append(new[] { EmbeddingCacheFile.KeyOf("t") }, new float[8]);
        Assert.Throws<InvalidDataException>(() => new EmbeddingCacheFile(path, "encoder-b", 8));
        Assert.Throws<InvalidDataException>(() => new EmbeddingCacheFile(path, "encoder-a", 9));
        using var ok = new EmbeddingCacheFile(path, "encoder-a", 8);
        Assert.Equal(1, ok.Count);
    }
}
