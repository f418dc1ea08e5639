using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;
using Vigil.Core;

namespace Vigil.Tests.Bots;

/// <summary>
/// The parallel read (entity files parsed on several threads, merged in file order) gives exactly what the sequential
/// read gives: the same rows, the same report (counts and example messages, in order) and the same first error.
/// </summary>
public class ParallelReadTests
{
    private static BotDataset Read(string path, int parallelism, TwiBotReaderOptions? options = null) =>
        TwiBotReader.Read(path, (options ?? new TwiBotReaderOptions()) with { Parallelism = parallelism });

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AGeneratedSetReadsTheSameInParallel(int parallelism)
    {
        using var folder = new DatasetFolder();
        BotDatasetGenerator.WriteTo(new BotDatasetGeneratorOptions { Users = 500, Seed = 7, TweetsPerUser = 5 }, folder.Path);
        var reads = new List<string>();
        var sequential = Read(folder.Path, 1);
        var parallel = Read(folder.Path, parallelism, new TwiBotReaderOptions { FileRead = r => reads.Add(r.File) });

        Assert.True(sequential.Report.IsClean, sequential.Report.ToString());
        Assert.True(sequential.Tweets.Count > 2000);
        SameRead.Assert(sequential, parallel);
        Assert.Equal(TwiBotFiles.DataFiles(folder.Path).Select(Path.GetFileName).Count(), reads.Count);
        Assert.Equal(["user.json", .. Enumerable.Range(0, TwiBotFiles.TwiBot22TweetFiles).Select(TwiBotFiles.Tweets), "list.json", "hashtag.json"], reads.Take(12));
    }

    [DataFileFact("bots", "twibot22-annotation", "user.json")]
    public void TheRealUsersWithHandMadeTweetsReadTheSameInParallel()
    {
        using var folder = HandMadeTwiBot22.Create();
        File.Copy(DataDirectory.FindFile("bots", "twibot22-annotation", "user.json")!, folder.File("user.json"), overwrite: true);
        File.Delete(folder.File("label.csv"));
        File.Delete(folder.File("split.csv"));
        File.Delete(folder.File("edge.csv"));
        var sequential = Read(folder.Path, 1);
        var parallel = Read(folder.Path, 2);
        Assert.Equal((500, 4), (parallel.Users.Count, parallel.Tweets.Count));
        SameRead.Assert(sequential, parallel);
    }

    // Repeats within a file and across files, fields of the wrong type, a bad id and, in tweet_2.json, JSON that breaks
    // off: more problems of a kind than the report keeps examples of.
    private const string MessyUsers = """[{"id": "u1", "name": "A"}, {"id": "u2", "verified": "maybe"}, {"id": "u1", "name": "again"}, {"id": "x"}]""";

    private static DatasetFolder MessyFolder(string tweet2 = """[{"id": "t20", "text": "a"}, {"id": "t21", "text": }]""")
    {
        var folder = new DatasetFolder();
        folder.Write("user.json", MessyUsers);
        folder.Write("tweet_0.json", """[{"id": "t10", "lang": "en", "like_count": 1}, {"id": "t11", "lang": "de", "public_metrics": {"like_count": "many"}}, {"id": "t10"}, {"id": "t12", "lang": "fr"}]""");
        folder.Write("tweet_1.json", """[{"id": "t13", "lang": "fr"}, {"id": "t11", "lang": "es"}, {"id": "t14", "created_at": "yesterday"}, {"id": "t10"}, {"id": "t15", "lang": "es"}]""");
        folder.Write("tweet_2.json", tweet2);
        folder.Write("tweet_3.json", """[{"id": "t30", "author_id": "someone"}, {"id": "t13"}]""");
        folder.Write("list.json", """[{"id": "l1", "private": 3}, {"id": "l1"}]""");
        return folder;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    public void EveryProblemIsReportedAsInTheSequentialRead(int examples)
    {
        using var folder = MessyFolder();
        var policy = ValidationPolicy.Lenient.With(DataProblem.MalformedJson, ProblemAction.SkipAndCount);
        var options = new TwiBotReaderOptions { Policy = policy, ExamplesPerProblem = examples };
        var sequential = Read(folder.Path, 1, options);
        var parallel = Read(folder.Path, 3, options);

        Assert.Equal(6, sequential.Report.Count(DataProblem.DuplicateId));
        Assert.Equal(1, sequential.Report.Count(DataProblem.MalformedJson));
        Assert.Equal(["t10", "t11", "t12", "t13", "t14", "t15", "t20", "t30"], Enumerable.Range(0, parallel.Tweets.Count).Select(parallel.Tweets.Ids.Format));
        SameRead.Assert(sequential, parallel);
        // Collecting every problem under the strict policy: errors counted, in the same order.
        var strict = new TwiBotReaderOptions { StopAtFirstError = false, ExamplesPerProblem = examples };
        SameRead.Assert(Read(folder.Path, 1, strict), Read(folder.Path, 2, strict));
    }

    [Fact]
    public void TheFirstErrorIsTheSequentialReadsAndNamesFileAndByteOffset()
    {
        // The repeated u1 in user.json comes before the repeats among the tweets and the broken JSON of tweet_2.json.
        using var folder = MessyFolder();
        var lenient = new TwiBotReaderOptions { Policy = ValidationPolicy.Lenient.With(DataProblem.DuplicateId, ProblemAction.Error) };
        var first = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, 1, lenient));
        var second = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, 2, lenient));
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(DataProblem.DuplicateId, second.Problem);
        Assert.Equal(("user.json", (long)MessyUsers.LastIndexOf("\"u1\"", StringComparison.Ordinal)), (second.File, second.ByteOffset));

        var onlyJson = new TwiBotReaderOptions { Policy = ValidationPolicy.Lenient };
        const string broken = """[{"id": "t20", "text": "a"}, {"id": "t21", "text": }]""";
        var e = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, 2, onlyJson));
        Assert.Equal(Assert.Throws<BotDataFormatException>(() => Read(folder.Path, 1, onlyJson)).Message, e.Message);
        Assert.Equal(DataProblem.MalformedJson, e.Problem);
        Assert.Equal(("tweet_2.json", (long)broken.IndexOf(": }", StringComparison.Ordinal) + 2), (e.File, e.ByteOffset));
        Assert.IsType<System.Text.Json.JsonException>(e.InnerException, exactMatch: false);
    }
}
