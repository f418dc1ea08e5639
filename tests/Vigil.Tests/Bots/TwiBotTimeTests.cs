using System.Text;
using Vigil.Bots.Data;

namespace Vigil.Tests.Bots;

public class TwiBotTimeTests
{
    private static readonly long Expected = new DateTimeOffset(2013, 9, 28, 16, 49, 36, TimeSpan.Zero).ToUnixTimeSeconds();

    [Theory]
    [InlineData("2013-09-28 16:49:36+00:00")]
    [InlineData("2013-09-28 18:49:36+02:00")]
    [InlineData("Sat Sep 28 16:49:36 +0000 2013 ")]
    [InlineData("2013-09-28T16:49:36.000Z")]
    public void TheThreeTwitterFormsParseToTheSameInstant(string text)
    {
        Assert.True(TwiBotTime.TryParse(Encoding.UTF8.GetBytes(text), out long seconds));
        Assert.Equal(Expected, seconds);
    }

    [Theory]
    [InlineData("2013-02-30 16:49:36+00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void NonDatesDoNotParse(string text) => Assert.False(TwiBotTime.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void FormattingWritesTheTwiBot22Form()
    {
        Span<byte> text = stackalloc byte[TwiBotTime.FormattedLength];
        TwiBotTime.Format(Expected, text);
        Assert.Equal("2013-09-28 16:49:36+00:00", Encoding.UTF8.GetString(text));
    }
}
