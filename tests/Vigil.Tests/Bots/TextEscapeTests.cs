using Vigil.Bots.IO;

namespace Vigil.Tests.Bots;

/// <summary>Tweet texts cut inside an emoji carry a lone UTF-16 surrogate escape, which System.Text.Json refuses to unescape.</summary>
public class TextEscapeTests
{
    [Fact]
    public void ALoneSurrogateBecomesTheReplacementCharacterAndPairsStayWhole()
    {
        using var folder = new DatasetFolder().Write("user.json", "[{\"id\": \"u1\"}]").Write("tweet_0.json",
            """[{"id": "t1", "author_id": 1, "text": "cut \ud83d"}, {"id": "t2", "author_id": 1, "text": "a\ud83d\ude00\n\u00e9 \ude00\ud83d\"x\\"}]""");
        var d = TwiBotReader.Read(folder.Path);
        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal("cut \uFFFD", d.Tweets[0].Text);
        Assert.Equal("a😀\né \uFFFD\uFFFD\"x\\", d.Tweets[1].Text);
    }
}
