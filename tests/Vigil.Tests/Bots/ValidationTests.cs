using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots;

/// <summary>
/// Each problem on a hand-made bad file: under the strict policy the reader throws naming the file and the position
/// (CSV line, or JSON byte offset found independently with IndexOf on the ASCII text); under the lenient policy the
/// offending item is skipped, counted once, and everything else is kept.
/// </summary>
public class ValidationTests
{
    private const string Users = """
        [{"id": "u1", "name": "A", "public_metrics": {"followers_count": 1, "following_count": 2, "tweet_count": 3, "listed_count": 4}},
         {"id": "u2", "name": "B"},
         {"id": "u3", "name": "C"}]
        """;
    private const string Tweets = """[{"id": "t10", "author_id": 1, "text": "x"}]""";
    private const string Labels = "id,label\nu1,human\nu2,bot\nu3,human\n";
    private const string Splits = "id,split\nu1,train\nu2,valid\nu3,test\n";
    private const string Edges = "source_id,relation,target_id\nu1,following,u2\nu2,followers,u3\nu1,post,t10\n";

    private static DatasetFolder Folder(string users = Users, string labels = Labels, string splits = Splits, string edges = Edges) =>
        new DatasetFolder().Write("user.json", users).Write("tweet_0.json", Tweets).Write("label.csv", labels).Write("split.csv", splits).Write("edge.csv", edges);

    private static BotDataFormatException Strict(DatasetFolder folder) => Assert.Throws<BotDataFormatException>(() => TwiBotReader.Read(folder.Path));

    private static BotDataset Lenient(DatasetFolder folder) => TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { Policy = ValidationPolicy.Lenient });

    private static void AssertAt(BotDataFormatException e, DataProblem problem, string file, long? line = null, long? offset = null)
    {
        Assert.Equal(problem, e.Problem);
        Assert.Equal(file, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(offset, e.ByteOffset);
        Assert.StartsWith(line is { } l ? $"{file}:{l}: " : offset is { } o ? $"{file}@byte {o}: " : $"{file}: ", e.Message);
    }

    private static void AssertOnly(BotDataset d, DataProblem problem, long count = 1)
    {
        Assert.Equal(count, d.Report.Count(problem));
        Assert.Equal(count, d.Report.TotalCount);
        Assert.Equal(0, d.Report.ErrorCount);
    }

    [Fact]
    public void TheCleanFolderHasNoProblems()
    {
        using var folder = Folder();
        var d = TwiBotReader.Read(folder.Path);
        Assert.True(d.Report.IsClean);
        Assert.Equal((3, 1, 3), (d.Users.Count, d.Tweets.Count, (int)d.EdgeCount));
    }

    [Fact]
    public void MalformedJsonNamesTheByteOffsetOnAnyLine()
    {
        const string bad = "[{\"id\": \"u1\", \"name\": \"A\"},\n {\"id\": \"u2\", \"name\": }]";
        using var folder = Folder(users: bad);
        AssertAt(Strict(folder), DataProblem.MalformedJson, "user.json", offset: bad.IndexOf(": }", StringComparison.Ordinal) + 2);
        // Lenient leaves it an error: the records after the break are lost uncounted.
        Assert.Throws<BotDataFormatException>(() => Lenient(folder));

        var skip = ValidationPolicy.Lenient.With(DataProblem.MalformedJson, ProblemAction.SkipAndCount);
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { Policy = skip });
        Assert.Equal(1, d.Users.Count);
        Assert.Equal(1, d.Report.Count(DataProblem.MalformedJson));
        Assert.Equal(bad.IndexOf(": }", StringComparison.Ordinal) + 2, d.Report.Entries[0].Examples[0].Position.ByteOffset);
    }

    [Fact]
    public void ATruncatedJsonFileIsMalformedAtItsEnd()
    {
        const string bad = "[{\"id\": \"u1\"}, {\"id\": \"u2\"";
        using var folder = Folder(users: bad);
        var e = Strict(folder);
        Assert.Equal(DataProblem.MalformedJson, e.Problem);
        Assert.Equal(bad.Length, e.ByteOffset);
    }

    [Fact]
    public void AnElementThatIsNotAnObjectIsAShapeProblem()
    {
        var bad = Users.Replace("{\"id\": \"u2\"", "42, {\"id\": \"u2\"");
        using var folder = Folder(users: bad);
        AssertAt(Strict(folder), DataProblem.UnexpectedJsonShape, "user.json", offset: bad.IndexOf("42", StringComparison.Ordinal));
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.UnexpectedJsonShape);
        Assert.Equal(3, d.Users.Count);

        using var notArray = Folder(users: "{\"id\": \"u1\"}");
        AssertAt(Strict(notArray), DataProblem.UnexpectedJsonShape, "user.json", offset: 0);
    }

    [Fact]
    public void AFieldOfTheWrongTypeIsLeftOut()
    {
        var bad = Users.Replace("\"followers_count\": 1", "\"followers_count\": \"many\"");
        using var folder = Folder(users: bad);
        var e = Strict(folder);
        AssertAt(e, DataProblem.WrongFieldType, "user.json", offset: bad.IndexOf("\"many\"", StringComparison.Ordinal));
        Assert.Contains("followers_count", e.Message);
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.WrongFieldType);
        Assert.Null(d.Users[0].FollowersCount);
        Assert.Equal(2, d.Users[0].FollowingCount);
    }

    [Fact]
    public void ReferencedTweetsThatAreNotAListOfObjectsAreLeftOut()
    {
        const string asObject = "[{\"id\": \"t10\", \"referenced_tweets\": {\"type\": \"quoted\", \"id\": \"t1\"}, \"text\": \"x\"}]";
        using var folder = Folder().Write("tweet_0.json", asObject);
        AssertAt(Strict(folder), DataProblem.WrongFieldType, "tweet_0.json", offset: asObject.IndexOf("{\"type\"", StringComparison.Ordinal));
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.WrongFieldType);
        Assert.Empty(d.Tweets[0].ReferencedTweets);
        Assert.Equal("x", d.Tweets[0].Text);

        const string ofStrings = "[{\"id\": \"t10\", \"referenced_tweets\": [\"t1\", {\"type\": \"quoted\", \"id\": \"t2\"}]}]";
        folder.Write("tweet_0.json", ofStrings);
        AssertAt(Strict(folder), DataProblem.WrongFieldType, "tweet_0.json", offset: ofStrings.IndexOf("\"t1\"", StringComparison.Ordinal));
        Assert.Equal(new[] { new ReferencedTweet(ReferencedTweetType.Quoted, 2) }, Lenient(folder).Tweets[0].ReferencedTweets);
    }

    [Fact]
    public void AnInvalidIdInJsonDropsTheRecord()
    {
        var bad = Users.Replace("{\"id\": \"u3\"", "{\"id\": \"user7\"}, {\"id\": \"t5\"}, {\"id\": \"u3\"");
        using var folder = Folder(users: bad);
        AssertAt(Strict(folder), DataProblem.InvalidId, "user.json", offset: bad.IndexOf("\"user7\"", StringComparison.Ordinal));
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.InvalidId, 2);
        Assert.Contains("is a tweet id", d.Report.Entries[0].Examples[1].Message);
        Assert.Equal(3, d.Users.Count);
    }

    [Fact]
    public void AnInvalidIdInCsvNamesTheLine()
    {
        using var folder = Folder(labels: Labels.Replace("u2,bot", "12abc,bot"));
        AssertAt(Strict(folder), DataProblem.InvalidId, "label.csv", line: 3);
        var d = Lenient(folder);
        Assert.Equal(1, d.Report.Count(DataProblem.InvalidId));
        Assert.Equal(1, d.Report.Count(DataProblem.MissingLabel));
        Assert.Equal(BotLabel.Unknown, d.Labels[1]);
    }

    [Fact]
    public void ADuplicateEntityKeepsTheFirst()
    {
        var bad = Users.Replace("{\"id\": \"u3\"", "{\"id\": \"u2\", \"name\": \"B again\"}, {\"id\": \"u3\"");
        using var folder = Folder(users: bad);
        AssertAt(Strict(folder), DataProblem.DuplicateId, "user.json", offset: bad.LastIndexOf("\"u2\"", StringComparison.Ordinal));
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.DuplicateId);
        Assert.Equal(3, d.Users.Count);
        Assert.Equal("B", d.Users[1].Name);
    }

    [Fact]
    public void ADuplicateLabelRowKeepsTheFirst()
    {
        using var folder = Folder(labels: Labels + "u2,human\n");
        AssertAt(Strict(folder), DataProblem.DuplicateId, "label.csv", line: 5);
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.DuplicateId);
        Assert.Equal(BotLabel.Bot, d.Labels[1]);
    }

    [Fact]
    public void UnknownIdsInEdgeLabelAndSplitFilesNameTheLine()
    {
        using (var folder = Folder(edges: Edges + "u1,following,u9\n"))
        {
            var e = Strict(folder);
            AssertAt(e, DataProblem.UnknownId, "edge.csv", line: 5);
            Assert.Contains("u9", e.Message);
            var d = Lenient(folder);
            AssertOnly(d, DataProblem.UnknownId);
            Assert.Equal(1, d.Edges(BotRelation.Following).Count);
        }
        using (var folder = Folder(labels: Labels + "u9,bot\n"))
            AssertAt(Strict(folder), DataProblem.UnknownId, "label.csv", line: 5);
        using (var folder = Folder(splits: "id,split\nu1,train\nu8,test\nu2,valid\nu3,test\n"))
        {
            AssertAt(Strict(folder), DataProblem.UnknownId, "split.csv", line: 3);
            AssertOnly(Lenient(folder), DataProblem.UnknownId);
        }
    }

    [Fact]
    public void EdgeProblemsAreReportedInLineOrderAcrossBatches()
    {
        // 66 good edges (lines 2–67), then an unknown id (68) before an unparsable id (69), in the same batch.
        var edges = "source_id,relation,target_id\n" + string.Concat(Enumerable.Repeat("u1,following,u2\n", 66)) + "u1,following,u9\nzz,following,u2\nu3,followers,u1\n";
        using var folder = Folder(edges: edges);
        AssertAt(Strict(folder), DataProblem.UnknownId, "edge.csv", line: 68);
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { StopAtFirstError = false });
        Assert.Equal(68, d.Report.Entries.Single(e => e.Problem == DataProblem.UnknownId).Examples[0].Position.Line);
        Assert.Equal(69, d.Report.Entries.Single(e => e.Problem == DataProblem.InvalidId).Examples[0].Position.Line);
        Assert.Equal((66, 1), (d.Edges(BotRelation.Following).Count, d.Edges(BotRelation.Followers).Count));
    }

    [Fact]
    public void AnUnknownRelationIsSkipped()
    {
        using var folder = Folder(edges: Edges + "u1,befriends,u2\n");
        var e = Strict(folder);
        AssertAt(e, DataProblem.UnknownRelation, "edge.csv", line: 5);
        Assert.Contains("befriends", e.Message);
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.UnknownRelation);
        Assert.Equal(3, d.EdgeCount);
    }

    [Fact]
    public void AnEdgeBetweenTheWrongKindsIsSkipped()
    {
        using var folder = Folder(edges: Edges + "t10,post,u1\n");
        AssertAt(Strict(folder), DataProblem.WrongEndpointType, "edge.csv", line: 5);
        var d = Lenient(folder);
        AssertOnly(d, DataProblem.WrongEndpointType);
        Assert.Equal(1, d.Edges(BotRelation.Post).Count);
    }

    [Fact]
    public void MalformedCsvLinesAndHeadersNameTheLine()
    {
        using (var folder = Folder(edges: Edges.Replace("u2,followers,u3", "u2,followers")))
        {
            AssertAt(Strict(folder), DataProblem.MalformedCsv, "edge.csv", line: 3);
            AssertOnly(Lenient(folder), DataProblem.MalformedCsv);
        }
        using (var folder = Folder(labels: Labels.Replace("id,label", "user,label")))
        {
            AssertAt(Strict(folder), DataProblem.MalformedCsv, "label.csv", line: 1);
            var d = Lenient(folder);
            AssertOnly(d, DataProblem.MalformedCsv);
            Assert.Equal(BotLabel.Human, d.Labels[0]);
        }
    }

    [Fact]
    public void ALabelOtherThanHumanOrBotIsInvalid()
    {
        using var folder = Folder(labels: Labels.Replace("u2,bot", "u2,robot"));
        var e = Strict(folder);
        AssertAt(e, DataProblem.InvalidLabel, "label.csv", line: 3);
        Assert.Contains("robot", e.Message);
        var d = Lenient(folder);
        Assert.Equal(1, d.Report.Count(DataProblem.InvalidLabel));
        Assert.Equal(BotLabel.Unknown, d.Labels[1]);
    }

    [Fact]
    public void ASplitOtherThanTrainValidOrTestIsInvalid()
    {
        using var folder = Folder(splits: Splits.Replace("u2,valid", "u2,dev"));
        AssertAt(Strict(folder), DataProblem.InvalidSplit, "split.csv", line: 3);
        Assert.Equal(1, Lenient(folder).Report.Count(DataProblem.InvalidSplit));
    }

    [Fact]
    public void AUserWithoutASplitOrLabelIsReportedByName()
    {
        using (var folder = Folder(splits: "id,split\nu1,train\nu2,valid\n"))
        {
            var e = Strict(folder);
            AssertAt(e, DataProblem.MissingSplit, "split.csv");
            Assert.Contains("u3", e.Message);
            var d = Lenient(folder);
            AssertOnly(d, DataProblem.MissingSplit);
            Assert.Equal(DataSplit.None, d.Splits[2]);
            Assert.Equal(3, d.Users.Count);
        }
        using (var folder = Folder(labels: "id,label\nu2,bot\nu3,human\n"))
        {
            var e = Strict(folder);
            AssertAt(e, DataProblem.MissingLabel, "label.csv");
            Assert.Contains("u1", e.Message);
        }
    }

    [Fact]
    public void CollectingUnderStrictCountsEveryProblemAsAnErrorWithExamples()
    {
        var edges = Edges + "u1,befriends,u2\n" + string.Concat(Enumerable.Range(0, 8).Select(i => $"u1,following,u{90 + i}\n"));
        using var folder = Folder(labels: Labels.Replace("u2,bot", "u2,robot"), edges: edges);
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { StopAtFirstError = false });

        Assert.Equal(new[] { DataProblem.UnknownId, DataProblem.UnknownRelation, DataProblem.InvalidLabel, DataProblem.MissingLabel },
            d.Report.Entries.Select(e => e.Problem).OrderBy(p => p == DataProblem.UnknownId ? 0 : p == DataProblem.UnknownRelation ? 1 : p == DataProblem.InvalidLabel ? 2 : 3));
        Assert.Equal(11, d.Report.ErrorCount);
        Assert.Equal(0, d.Report.SkippedCount);
        var unknown = d.Report.Entries.Single(e => e.Problem == DataProblem.UnknownId);
        Assert.Equal(8, unknown.Count);
        Assert.Equal(ValidationReport.DefaultExamplesPerProblem, unknown.Examples.Count);
        Assert.Equal(new long?[] { 6, 7, 8, 9, 10 }, unknown.Examples.Select(x => x.Position.Line));
        Assert.All(unknown.Examples, x => Assert.Equal(ProblemAction.Error, unknown.Action));
        Assert.Equal(3, d.EdgeCount);
    }
}
