using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;
using Vigil.Core;

namespace Vigil.Tests.Bots;

/// <summary>
/// Reads with buffers of a few bytes, so that nearly every token, escape, multi-byte character and CSV line is cut
/// by a refill, and checks the result equals a read with the default 1 MiB buffer.
/// </summary>
public class BufferBoundaryTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(61)]
    public void TinyBuffersReadTheHandMadeFolderIdentically(int bufferSize)
    {
        using var folder = HandMadeTwiBot22.Create();
        var reference = TwiBotReader.Read(folder.Path);
        var tiny = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = bufferSize });
        Assert.True(tiny.Report.IsClean, tiny.Report.ToString());
        Assert.Empty(BotDatasetComparison.Differences(reference, tiny));
        Assert.Equal("line\nbreak \"quoted\" é 😀", tiny.Users[1].Description);
        Assert.Equal("こんにちは", tiny.Tweets[2].Text);
    }

    [DataFileFact("bots", "twibot22-annotation", "user.json")]
    public void ATinyBufferReadsTheRealUsersIdentically()
    {
        using var folder = new DatasetFolder();
        File.Copy(DataDirectory.FindFile("bots", "twibot22-annotation", "user.json")!, folder.File("user.json"));
        var reference = TwiBotReader.Read(folder.Path);
        var tiny = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = 8 });
        Assert.Equal(500, tiny.Users.Count);
        Assert.Empty(BotDatasetComparison.Differences(reference, tiny));
    }

    [Fact]
    public void ATokenLongerThanTheBufferGrowsIt()
    {
        var description = string.Concat(Enumerable.Repeat("a\\\"b\\u00e9 ", 700));
        using var folder = new DatasetFolder().Write("user.json", $"[{{\"id\": \"u1\", \"description\": \"{description}\"}}, {{\"id\": \"u2\"}}]");
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = 16 });
        Assert.Equal(2, d.Users.Count);
        Assert.Equal(string.Concat(Enumerable.Repeat("a\"bé ", 700)), d.Users[0].Description);
    }

    [Fact]
    public void TheOffsetOfMalformedJsonIsTheSameWhateverTheBuffer()
    {
        var users = new StringBuilder("[\n");
        for (int i = 1; i <= 40; i++) users.Append($"  {{\"id\": \"u{i}\", \"name\": \"user number {i}\"}},\n");
        users.Append("  {\"id\": \"u41\", \"name\": tru}\n]");
        var text = users.ToString();
        using var folder = new DatasetFolder().Write("user.json", text);
        // The literal "tru" breaks at the '}' where its 'e' should be.
        long expected = text.IndexOf("tru}", StringComparison.Ordinal) + 3;
        foreach (var size in new[] { 8, 100, 1 << 20 })
        {
            var e = Assert.Throws<BotDataFormatException>(() => TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = size }));
            Assert.Equal(DataProblem.MalformedJson, e.Problem);
            Assert.Equal(expected, e.ByteOffset);
            Assert.Contains("line 42", e.Message);
        }
    }

    [Fact]
    public void AByteOrderMarkAndWindowsLineEndingsAreRead()
    {
        using var folder = new DatasetFolder();
        File.WriteAllText(folder.File("user.json"), "[{\"id\": \"u1\"}, {\"id\": \"u2\"}]", new UTF8Encoding(true));
        File.WriteAllText(folder.File("label.csv"), "id,label\r\nu1,human\r\nu2,bot", new UTF8Encoding(true));
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = 8 });
        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(new[] { BotLabel.Human, BotLabel.Bot }, d.Labels.ToArray());
    }

    [Fact]
    public void ACsvLineLongerThanTheBufferIsReadWhole()
    {
        var longId = "u" + new string('7', 18);
        using var folder = new DatasetFolder().Write("user.json", $"[{{\"id\": \"{longId}\"}}, {{\"id\": \"u1\"}}]")
            .Write("edge.csv", $"source_id,relation,target_id\n{longId},following,u1\nu1,followers,{longId}\n");
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = 8 });
        TwiBot22LayoutTests.AssertEdges(d, BotRelation.Following, (longId, "u1"));
        TwiBot22LayoutTests.AssertEdges(d, BotRelation.Followers, ("u1", longId));
    }
}
