using Vigil.Core.Text;
using Vigil.Core.Text.Caching;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Core.Text;

public class TextEncodersTests
{
    [Fact]
    public void CreatesTheHashedEncoderAndWrapsItInACache()
    {
        using (var plain = TextEncoders.Create("Hashed")) Assert.IsType<HashedNgramEncoder>(plain);
        var dir = Path.Combine(Path.GetTempPath(), "vigil-factory-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var cached = TextEncoders.Create(TextEncoders.Hashed, dir);
            Assert.IsType<CachedTextEncoder>(cached);
            Assert.Equal(new HashedNgramEncoder().Name, cached.Name);
            Assert.Equal(new HashedNgramEncoder().Encode(new[] { "hi there" }), cached.Encode(new[] { "hi there" }));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void UnknownNameListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => TextEncoders.Create("bert"));
        Assert.Contains("'bert'", e.Message);
        Assert.Contains("minilm", e.Message);
        Assert.Contains("hashed", e.Message);
    }
}
