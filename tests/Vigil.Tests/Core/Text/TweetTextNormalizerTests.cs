using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Core.Text;

public class TweetTextNormalizerTests
{
    [Theory]
    [InlineData("Hello, WORLD!", "hello world")]
    [InlineData("I don't know", "i dont know")]
    [InlineData("Check https://t.co/AbC123?x=1 now", "check <url> now")]
    [InlineData("see www.Example.com/page.", "see <url>")]
    [InlineData("thanks @Some_User!", "thanks <user>")]
    [InlineData("mail me at bob@example.com", "mail me at bob example com")]
    [InlineData("#Guitar #music2022", "guitar music2022")]
    [InlineData("Café naïve", "café naïve")]
    [InlineData("go 🚀🚀 now", "go 🚀 🚀 now")]
    [InlineData("love ❤️ it", "love ❤ it")]
    [InlineData("price $5 + tax", "price $ 5 + tax")]
    [InlineData("...!!!", "")]
    [InlineData("", "")]
    public void NormalisesAsDocumented(string text, string expected) =>
        Assert.Equal(expected, TweetTextNormalizer.Normalize(text));

    [Fact]
    public void TokensSitBetweenSingleSpaces()
    {
        var output = new NormalizedText();
        TweetTextNormalizer.Normalize("Hi @bob: see http://x.y", output);
        Assert.Equal(" hi <user> see <url> ", output.Chars.ToString());
        var tokens = output.Tokens.ToArray();
        Assert.Equal(4, tokens.Length);
        Assert.Equal(new[] { false, true, false, true }, tokens.Select(t => t.IsPlaceholder));
        foreach (var t in tokens)
        {
            Assert.Equal(' ', output.Chars[t.Start - 1]);
            Assert.Equal(' ', output.Chars[t.End]);
        }
    }
}
