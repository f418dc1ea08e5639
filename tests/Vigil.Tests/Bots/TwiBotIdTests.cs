using Vigil.Bots.Data;

namespace Vigil.Tests.Bots;

public class TwiBotIdTests
{
    [Theory]
    [InlineData("u123", EntityKind.User, 123L)]
    [InlineData("t1485381214156451844", EntityKind.Tweet, 1485381214156451844L)]
    [InlineData("l0", EntityKind.List, 0L)]
    [InlineData("h9223372036854775807", EntityKind.Hashtag, long.MaxValue)]
    public void PrefixedIdsParseAndFormatBack(string text, EntityKind kind, long number)
    {
        Assert.True(TwiBotId.TryParse(text, out var k, out var n));
        Assert.Equal((kind, number), (k, n));
        Assert.Equal(text, TwiBotId.Format(k, n));
        Span<byte> utf8 = stackalloc byte[TwiBotId.MaxLength];
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(utf8[..TwiBotId.Format(k, n, utf8)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("u")]
    [InlineData("x12")]
    [InlineData("u-1")]
    [InlineData("u+1")]
    [InlineData("u12a")]
    [InlineData("u 12")]
    [InlineData("u9223372036854775808")]
    [InlineData("123")]
    public void MalformedIdsDoNotParse(string text) => Assert.False(TwiBotId.TryParse(text, out _, out _));

    [Fact]
    public void AnIdOfAKnownKindMayOmitItsLetter()
    {
        Assert.True(TwiBotId.TryParseOfKind("123"u8, EntityKind.User, out long a));
        Assert.True(TwiBotId.TryParseOfKind("u123"u8, EntityKind.User, out long b));
        Assert.False(TwiBotId.TryParseOfKind("t123"u8, EntityKind.User, out _));
        Assert.Equal((123L, 123L), (a, b));
    }
}
