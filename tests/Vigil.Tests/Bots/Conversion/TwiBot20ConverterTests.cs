using Vigil.Bots.Conversion;
using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots.Conversion;

/// <summary>The TwiBot-20 converter on a hand-made release: splits from file names, labels, tweets, neighbours, bad records.</summary>
public class TwiBot20ConverterTests
{
    private static string Record(string id, string followers, string label, string tweets, string following, string follower) =>
        $$"""
        {"ID": "{{id}}", "profile": {"id": "{{id}} ", "name": "N{{id}} ", "screen_name": "s{{id}} ", "location": " ", "description": "about {{id}} ", "url": "None ",
         "protected": "False ", "followers_count": "{{followers}} ", "friends_count": "7 ", "listed_count": "0 ", "created_at": "Tue Nov 18 10:27:25 +0000 2008 ",
         "verified": "True ", "statuses_count": "12 ", "profile_image_url": "http://pbs.twimg.com/profile_images/{{id}}/a_normal.jpg ", "default_profile_image": "False "},
         "tweet": {{tweets}}, "neighbor": {"following": [{{following}}], "follower": [{{follower}}]}, "domain": ["Politics"], "label": "{{label}}"}
        """;

    private static DatasetFolder Create()
    {
        var folder = new DatasetFolder();
        folder.Write("train.json", "[" + Record("1", "10", "1", "[\"a\\n\", \"b\"]", "\"2\", \"500\"", "\"3\"") + "," + Record("2", "20", "0", "null", "", "") + "]");
        folder.Write("dev.json", "[" + Record("3", "30", "0", "[\"c\"]", "\"1\"", "") + "]");
        folder.Write("test.json", "[" + Record("4", "40", "1", "[]", "", "\"1\", \"600\"") + "]");
        folder.Write("support.json", "[" + Record("5", "50", "", "[\"d\"]", "", "").Replace(", \"label\": \"\"", "") + "]");
        return folder;
    }

    [Fact]
    public void SplitsLabelsTweetsAndNeighboursConvert()
    {
        using var source = Create();
        using var output = new DatasetFolder();
        var converted = DatasetConverter.ConvertAndWrite(SourceFormat.TwiBot20, source.Path, output.Path);
        // The support user has neither label nor split, which a strict read reports: read leniently and check the counts.
        var d = TwiBotReader.Read(output.Path, new TwiBotReaderOptions { Policy = ValidationPolicy.Lenient });
        Assert.Equal(1, d.Report.Count(DataProblem.MissingLabel));
        Assert.Equal(1, d.Report.Count(DataProblem.MissingSplit));
        Assert.Empty(BotDatasetComparison.Differences(converted.Dataset, d));

        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, d.Users.Ids.Ids.ToArray());
        Assert.Equal(new[] { BotLabel.Bot, BotLabel.Human, BotLabel.Human, BotLabel.Bot, BotLabel.Unknown }, d.Labels.ToArray());
        Assert.Equal(new[] { DataSplit.Train, DataSplit.Train, DataSplit.Valid, DataSplit.Test, DataSplit.None }, d.Splits.ToArray());
        var u1 = d.Users[0];
        Assert.Equal(("N1", "s1", "about 1", null, null), (u1.Name, u1.Username, u1.Description, u1.Location, u1.Url));
        Assert.Equal((10, 7, 12, 0, true, false), (u1.FollowersCount, u1.FollowingCount, u1.TweetCount, u1.ListedCount, u1.Verified, u1.Protected));

        // Tweets t0… in file order, each posted by its user.
        Assert.Equal(new long[] { 0, 1, 2, 3 }, d.Tweets.Ids.Ids.ToArray());
        Assert.Equal(new[] { "a\n", "b", "c", "d" }, Enumerable.Range(0, 4).Select(d.Tweets.Text.GetString).ToArray());
        Assert.Equal(new long[] { 1, 1, 3, 5 }, d.Tweets.AuthorId.ToArray());
        Assert.Equal(4, d.Edges(BotRelation.Post).Count);

        // following u→v (u follows v): 1→2, 3→1; followers u→v (v follows u): 1→3, 4→1. 500 and 600 are outside.
        Assert.Equal(new[] { (1L, 2L), (3L, 1L) }, EdgePairs.Of(d, BotRelation.Following));
        Assert.Equal(new[] { (1L, 3L), (4L, 1L) }, EdgePairs.Of(d, BotRelation.Followers));
        Assert.Equal(2, converted.Summary.Skipped[TwiBot20Converter.SkippedFollowEdgesOutside]);
        Assert.Equal((2, 2, 1, 2, 1, 1), (converted.Summary.Humans, converted.Summary.Bots, converted.Summary.Unlabelled, converted.Summary.Train, converted.Summary.Valid, converted.Summary.Test));
    }

    [Fact]
    public void ABadCountNamesTheFileAndRecord()
    {
        using var source = Create();
        source.Write("dev.json", "[" + Record("3", "many", "0", "[]", "", "") + "]");
        var e = Assert.Throws<BotDataFormatException>(() => TwiBot20Converter.Convert(source.Path));
        Assert.Equal((DataProblem.WrongFieldType, "dev.json"), (e.Problem, e.File));
        Assert.Contains("record 1 (user 3): profile.followers_count 'many'", e.Message);

        var lenient = TwiBot20Converter.Convert(source.Path, new ConversionOptions { Policy = ValidationPolicy.Lenient });
        Assert.Equal(4, lenient.Summary.Users);
        Assert.Equal(1, lenient.Summary.Problems.Count(DataProblem.WrongFieldType));
    }

    [Fact]
    public void ABadLabelAndMalformedJsonAreErrorsNamingTheFile()
    {
        using var source = Create();
        source.Write("test.json", "[" + Record("4", "40", "maybe", "[]", "", "") + "]");
        var e = Assert.Throws<BotDataFormatException>(() => TwiBot20Converter.Convert(source.Path));
        Assert.Equal((DataProblem.InvalidLabel, "test.json"), (e.Problem, e.File));
        Assert.Contains("label 'maybe'", e.Message);

        source.Write("test.json", "[\n" + Record("4", "40", "1", "[]", "", "") + ",\n{\"ID\": \"9\" \"profile\": {}}]");
        e = Assert.Throws<BotDataFormatException>(() => TwiBot20Converter.Convert(source.Path));
        Assert.Equal((DataProblem.MalformedJson, "test.json"), (e.Problem, e.File));
        // The bad token is on the file's last line.
        Assert.Equal(File.ReadAllLines(source.File("test.json")).Length, e.Line);
    }
}
