using Vigil.Bots.Conversion;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots.Conversion;

/// <summary>The Cresci-2015 converter on hand-made folders: field mapping, tweets, follow directions, skips and bad rows.</summary>
public class Cresci2015ConverterTests
{
    [Fact]
    public void ProfilesTweetsAndFollowsMapToTwiBot22()
    {
        using var source = HandMadeCresci2015.Create();
        using var output = new DatasetFolder();
        var converted = DatasetConverter.ConvertAndWrite(SourceFormat.Cresci2015, source.Path, output.Path);
        var d = TwiBotReader.Read(output.Path);
        Assert.Empty(BotDatasetComparison.Differences(converted.Dataset, d));

        Assert.Equal(4, d.Users.Count);
        var ann = d.Users[d.Users.IndexOf(11)];
        Assert.Equal(("Ann", "ann", "Rome, Italy", "http://ann.example"), (ann.Name, ann.Username, ann.Location, ann.Url));
        Assert.Equal("Line one\nline \"two\"", ann.Description);
        Assert.Equal((20, 30, 100, 2), (ann.FollowersCount, ann.FollowingCount, ann.TweetCount, ann.ListedCount));
        Assert.Equal((true, false), (ann.Verified, ann.Protected));
        Assert.Equal(new DateTimeOffset(2007, 4, 6, 10, 58, 22, TimeSpan.Zero), ann.CreatedAt);
        var bob = d.Users[d.Users.IndexOf(12)];
        Assert.Equal((null, null, false), (bob.Location, bob.Url, bob.Verified));
        Assert.True(d.Users.HasDefaultProfileImage(d.Users.IndexOf(12)));
        Assert.Equal(new[] { BotLabel.Human, BotLabel.Human, BotLabel.Bot, BotLabel.Bot }, d.Labels.ToArray());

        Assert.Equal(3, d.Tweets.Count);
        var first = d.Tweets[d.Tweets.IndexOf(1001)];
        Assert.Equal(("hello, world", 11L, 1, 2), (first.Text, first.AuthorId, first.RetweetCount, first.LikeCount));
        Assert.Equal(1, d.Tweets[d.Tweets.IndexOf(1002)].HashtagCount);
        Assert.Equal(3, d.Edges(BotRelation.Post).Count);

        // followers u→v: v follows u. 21 and 12 follow 11 (99 is not a user).
        var followers = EdgePairs.Of(d, BotRelation.Followers);
        Assert.Equal(new[] { (11L, 21L), (11L, 12L) }, followers);
        // following u→v: u follows v. 11 follows 12; 12 follows 22 (77 is not a user).
        Assert.Equal(new[] { (11L, 12L), (12L, 22L) }, EdgePairs.Of(d, BotRelation.Following));

        Assert.Equal(1, converted.Summary.Skipped[Cresci2015Converter.SkippedTweetsOfOtherUsers]);
        Assert.Equal(2, converted.Summary.Skipped[Cresci2015Converter.SkippedFollowEdgesOutside]);
        Assert.Equal(4, d.Splits.ToArray().Count(s => s != DataSplit.None));
    }

    [Fact]
    public void AMissingColumnNamesTheFileAndTheHeaderLine()
    {
        using var source = HandMadeCresci2015.Create();
        source.Write("INT/users.csv", HandMadeCresci2015.IntUsers.Replace("screen_name,", "handle,"));
        var e = Assert.Throws<BotDataFormatException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Equal(("INT/users.csv", 1L), (e.File, e.Line));
        Assert.Contains("no column 'screen_name'", e.Message);
    }

    [Fact]
    public void ABadCountNamesTheFileAndLineUnlessLenientSkipsAndCountsIt()
    {
        using var source = HandMadeCresci2015.Create();
        // The first E13 record spans lines 2–3 (a quoted line break), so Bob is on line 4.
        source.Write("E13/users.csv", HandMadeCresci2015.E13Users.Replace("12,Bob,bob,5,1,2", "12,Bob,bob,five,1,2"));
        var e = Assert.Throws<BotDataFormatException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Equal((DataProblem.WrongFieldType, "E13/users.csv", 4L), (e.Problem, e.File, e.Line));
        Assert.Contains("statuses_count 'five'", e.Message);

        var lenient = Cresci2015Converter.Convert(source.Path, new ConversionOptions { Policy = ValidationPolicy.Lenient });
        Assert.Equal(3, lenient.Summary.Users);
        Assert.Equal(1, lenient.Summary.Problems.Count(DataProblem.WrongFieldType));
        // Bob's tweet and follows now point outside the users and are counted as such.
        Assert.Equal(2, lenient.Summary.Skipped[Cresci2015Converter.SkippedTweetsOfOtherUsers]);
    }

    [Fact]
    public void ARowWithTooFewFieldsAndAnUnclosedQuoteAreErrors()
    {
        using var source = HandMadeCresci2015.Create();
        source.Write("E13/followers.csv", "source_id,target_id\n21,11\n99\n");
        var e = Assert.Throws<BotDataFormatException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Equal((DataProblem.MalformedCsv, "E13/followers.csv", 3L), (e.Problem, e.File, e.Line));
        Assert.Contains("1 fields, the header 2", e.Message);

        source.Write("E13/followers.csv", HandMadeCresci2015.E13Followers);
        source.Write("E13/tweets.csv", HandMadeCresci2015.E13Tweets + "1005,\"never closed,web,11,0,0,0,0,0,0,\n");
        e = Assert.Throws<BotDataFormatException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Equal(("E13/tweets.csv", 6L), (e.File, e.Line));
        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void AUserInTwoSubsetsIsADuplicate()
    {
        using var source = HandMadeCresci2015.Create();
        source.Write("INT/users.csv", HandMadeCresci2015.IntUsers.Replace("\n22,Fake Two", "\n12,Fake Two"));
        var e = Assert.Throws<BotDataFormatException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Equal((DataProblem.DuplicateId, "INT/users.csv", 3L), (e.Problem, e.File, e.Line));
    }

    [Fact]
    public void AFolderWithoutSubsetsIsAClearError()
    {
        using var source = new DatasetFolder();
        var e = Assert.Throws<FileNotFoundException>(() => Cresci2015Converter.Convert(source.Path));
        Assert.Contains("E13/users.csv", e.Message);
    }

    [Fact]
    public void TheStratifiedSplitKeepsEachClassAt70_20_10()
    {
        var d = new BotDataset("split");
        for (int i = 0; i < 30; i++) d.SetLabel(d.Users.Add(new UserRow(i)), i < 20 ? BotLabel.Human : BotLabel.Bot);
        d.Users.Add(new UserRow(99));
        StratifiedSplit.Assign(d, seed: 3, trainFraction: 0.7, validFraction: 0.2);
        int Count(BotLabel label, DataSplit split) => Enumerable.Range(0, d.Users.Count).Count(r => d.Labels[r] == label && d.Splits[r] == split);
        Assert.Equal((14, 4, 2), (Count(BotLabel.Human, DataSplit.Train), Count(BotLabel.Human, DataSplit.Valid), Count(BotLabel.Human, DataSplit.Test)));
        Assert.Equal((7, 2, 1), (Count(BotLabel.Bot, DataSplit.Train), Count(BotLabel.Bot, DataSplit.Valid), Count(BotLabel.Bot, DataSplit.Test)));
        Assert.Equal(DataSplit.None, d.Splits[30]);
    }
}
