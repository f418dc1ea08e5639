using Vigil.Bots.Data;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots;

public class TwiBot22LayoutTests
{
    [Fact]
    public void EveryEntityTypeIsReadWithItsFields()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path);

        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(DatasetLayout.TwiBot22, d.Layout);
        Assert.Equal((4, 4, 2, 2), (d.Users.Count, d.Tweets.Count, d.Lists.Count, d.Hashtags.Count));

        var u1 = d.Users[d.Users.IndexOf(1)];
        Assert.Equal(("One", "one", "Yokohama, Japan", "https://t.co/x"), (u1.Name, u1.Username, u1.Location, u1.Url));
        Assert.Equal(new DateTimeOffset(2008, 6, 19, 15, 36, 8, TimeSpan.Zero), u1.CreatedAt);
        Assert.Equal((10, 20, 30, 4), (u1.FollowersCount, u1.FollowingCount, u1.TweetCount, u1.ListedCount));
        Assert.Equal(100L, u1.PinnedTweetId);
        Assert.True(u1.Verified);
        Assert.False(u1.Protected);
        Assert.Equal(new UserEntityCounts(1, 0, 2, 1, 0), u1.Entities);
        Assert.True(d.Users.HasDefaultProfileImage(0));
        Assert.False(d.Users.HasDefaultProfileImage(1));

        var u2 = d.Users[1];
        Assert.Equal("line\nbreak \"quoted\" é 😀", u2.Description);
        Assert.Null(u2.Location);
        Assert.Null(u2.PinnedTweetId);
        Assert.True(u2.Protected);
        Assert.Equal("", u2.Url);
        Assert.Equal("", d.Users[3].Location);

        var t100 = d.Tweets[d.Tweets.IndexOf(100)];
        Assert.Equal((1L, "hello #a @two https://t.co/y", "en", "Twitter for iPhone"), (t100.AuthorId!.Value, t100.Text, t100.Lang, t100.Source));
        Assert.Equal((5, 1, 9, 1), (t100.RetweetCount, t100.ReplyCount, t100.LikeCount, t100.QuoteCount));
        Assert.Equal((1, 1, 1), (t100.HashtagCount, t100.MentionCount, t100.UrlCount));
        Assert.Empty(t100.ReferencedTweets);
        Assert.Equal(new DateTimeOffset(2022, 1, 20, 10, 0, 0, TimeSpan.Zero), t100.CreatedAt);

        var t101 = d.Tweets[1];
        Assert.Equal(new[] { new ReferencedTweet(ReferencedTweetType.Retweeted, 100) }, t101.ReferencedTweets);
        Assert.True(t101.PossiblySensitive);
        Assert.Equal((0, 0, 0), (t101.HashtagCount, t101.MentionCount, t101.UrlCount));

        var t102 = d.Tweets[2];
        Assert.Equal(new[] { new ReferencedTweet(ReferencedTweetType.RepliedTo, 100), new ReferencedTweet(ReferencedTweetType.Quoted, 101) }, t102.ReferencedTweets);
        Assert.Equal(("こんにちは", "ja"), (t102.Text, t102.Lang));
        Assert.Equal((1L, ""), (d.Tweets[3].AuthorId!.Value, d.Tweets[3].Text));

        var l7 = d.Lists[0];
        Assert.Equal(("Science", "science people", false, 5, 2), (l7.Name, l7.Description, l7.Private, l7.FollowerCount, l7.MemberCount));
        Assert.True(d.Lists[1].Private);
        Assert.Equal(("a", "b"), (d.Hashtags.TagName.GetString(0), d.Hashtags.TagName.GetString(1)));

        Assert.Equal(new[] { BotLabel.Human, BotLabel.Bot, BotLabel.Bot, BotLabel.Human }, d.Labels.ToArray());
        Assert.Equal(new[] { DataSplit.Train, DataSplit.Train, DataSplit.Valid, DataSplit.Test }, d.Splits.ToArray());
    }

    [Fact]
    public void AllFourteenRelationsAreReadInThePapersDirection()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path);

        Assert.Equal(BotRelations.TwiBot22.OrderBy(r => r), d.EdgeLists.Select(e => e.Relation).OrderBy(r => r));
        Assert.Equal(20, d.EdgeCount);
        AssertEdges(d, BotRelation.Followers, ("u1", "u2"));
        AssertEdges(d, BotRelation.Following, ("u2", "u1"), ("u3", "u1"));
        AssertEdges(d, BotRelation.Post, ("u1", "t100"), ("u2", "t101"), ("u3", "t102"), ("u1", "t103"));
        AssertEdges(d, BotRelation.Pinned, ("u1", "t100"));
        AssertEdges(d, BotRelation.Like, ("u4", "t100"));
        AssertEdges(d, BotRelation.Mentioned, ("t100", "u2"));
        AssertEdges(d, BotRelation.Retweeted, ("t101", "t100"));
        AssertEdges(d, BotRelation.Quoted, ("t102", "t101"));
        AssertEdges(d, BotRelation.RepliedTo, ("t102", "t100"));
        AssertEdges(d, BotRelation.Own, ("u1", "l7"));
        AssertEdges(d, BotRelation.Contain, ("l7", "t100"));
        AssertEdges(d, BotRelation.Discuss, ("t100", "h5"), ("t102", "h6"));
    }

    [Fact]
    public void MembershipAndFollowedStoredListToUserAreTurnedUserToList()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path);

        // The file has "l7,membership,u2" and "l7,followed,u3" (released direction) and "u4,followed,l8" (paper direction).
        AssertEdges(d, BotRelation.Membership, ("u2", "l7"));
        AssertEdges(d, BotRelation.Followed, ("u3", "l7"), ("u4", "l8"));
        Assert.Equal(EntityKind.User, BotRelation.Membership.SourceKind());
        Assert.Equal(EntityKind.List, BotRelation.Followed.TargetKind());
    }

    [Fact]
    public void WritingAndReadingBackGivesAnIdenticalDataset()
    {
        using var folder = HandMadeTwiBot22.Create();
        var original = TwiBotReader.Read(folder.Path);
        using var copy = new DatasetFolder();
        TwiBotWriter.Write(original, copy.Path);

        for (int part = 0; part < 9; part++) Assert.True(File.Exists(copy.File($"tweet_{part}.json")), $"tweet_{part}.json");
        var edgeLines = File.ReadAllLines(copy.File("edge.csv"));
        Assert.Contains("l7,membership,u2", edgeLines);
        Assert.Contains("l8,followed,u4", edgeLines);

        var back = TwiBotReader.Read(copy.Path);
        Assert.True(back.Report.IsClean, back.Report.ToString());
        Assert.Empty(BotDatasetComparison.Differences(original, back));
        Assert.Equal("line\nbreak \"quoted\" é 😀", back.Users[1].Description);
        Assert.Equal(new DateTimeOffset(2022, 1, 22, 8, 30, 0, TimeSpan.Zero), back.Tweets[3].CreatedAt);
        Assert.Equal(4, Enumerable.Range(0, 9).Sum(p => System.Text.Json.JsonDocument.Parse(File.ReadAllText(copy.File($"tweet_{p}.json"))).RootElement.GetArrayLength()));
    }

    [Fact]
    public void TheComparisonNamesTheFirstDifferingField()
    {
        using var folder = HandMadeTwiBot22.Create();
        var a = TwiBotReader.Read(folder.Path);
        folder.Write("user.json", HandMadeTwiBot22.Users.Replace("\"followers_count\": 1,", "\"followers_count\": 2,"));
        folder.Write("edge.csv", HandMadeTwiBot22.Edges.Replace("u4,like,t100", "u3,like,t100"));
        var b = TwiBotReader.Read(folder.Path);

        var differences = BotDatasetComparison.Differences(a, b);
        Assert.Contains("user followers_count at row 1 (u2): 1 vs 2", differences);
        Assert.Contains("like edge sources at entry 0: 3 vs 2", differences);
        Assert.Equal(2, differences.Count);
        Assert.False(BotDatasetComparison.ContentEquals(a, b));
    }

    [Fact]
    public void EntityItemsAreCountedWhateverTheirShape()
    {
        using var folder = new DatasetFolder()
            .Write("user.json", """[{"id": "u1", "entities": {"description": {"hashtags": ["a", "b"], "urls": [[]]}, "url": {"urls": [null]}}}]""")
            .Write("tweet_0.json", """[{"id": "t1", "author_id": 1, "entities": {"hashtags": ["a", {"tag": "b"}, 3], "mentions": [[]], "annotations": [{"x": 1}]}}]""");
        var d = TwiBotReader.Read(folder.Path);
        Assert.Equal(new UserEntityCounts(1, 1, 2, 0, 0), d.Users.Entities[0]);
        Assert.Equal((3, 1, 0), (d.Tweets.HashtagCount[0], d.Tweets.MentionCount[0], d.Tweets.UrlCount[0]));
    }

    [Fact]
    public void TweetTextsCanBeLeftOut()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { LoadTweetText = false });
        Assert.False(d.Tweets.HasText);
        Assert.Equal(0, d.Tweets.Text.Count);
        Assert.Null(d.Tweets[0].Text);
        Assert.Equal("Twitter for iPhone", d.Tweets[0].Source);
        Assert.Empty(BotDatasetComparison.Differences(d, TwiBotReader.Read(folder.Path)));
    }

    [Fact]
    public void TheHeteroGraphViewHasFourNodeTypesAndTheRelationsInThePapersDirection()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path);
        var g = d.ToHeteroGraph();

        Assert.Equal(new[] { ("user", 4), ("tweet", 4), ("list", 2), ("hashtag", 2) }, g.NodeSets.Select(s => (s.Name, s.Count)));
        Assert.Equal(14, g.Relations.Count);
        var membership = g.Relation("membership");
        Assert.Equal(("user", "list"), (membership.Type.Source, membership.Type.Target));
        // CSR rows are targets: list l7 (row 0) has one member, user u2 (column 1).
        Assert.Equal(new[] { 1 }, membership.Adjacency.ColIdx[membership.Adjacency.RowPtr[0]..membership.Adjacency.RowPtr[1]]);
        Assert.Equal(("tweet", "hashtag"), (g.Relation("discuss").Type.Source, g.Relation("discuss").Type.Target));
        Assert.Equal(4, g.Relation("post").NumEdges);
        Assert.Equal(2, g.RelationsWithin("user").Count);

        var labels = g.LabelsOf("user");
        Assert.Equal(new[] { 0, 1, 1, 0 }, labels.Labels);
        Assert.Equal(new[] { true, true, false, false }, labels.TrainMask);
        Assert.Equal(new[] { false, false, true, false }, labels.ValMask);
        Assert.Equal(new[] { false, false, false, true }, labels.TestMask);

        var onlyFollow = d.ToHeteroGraph(new[] { BotRelation.Followers, BotRelation.Following });
        Assert.Equal(new[] { "followers", "following" }, onlyFollow.Relations.Select(r => r.Type.Relation));
    }

    internal static void AssertEdges(BotDataset d, BotRelation relation, params (string Source, string Target)[] expected)
    {
        var edges = d.Edges(relation);
        var actual = new List<(string, string)>();
        for (int e = 0; e < edges.Count; e++)
            actual.Add((Format(d, relation.SourceKind(), edges.Sources[e]), Format(d, relation.TargetKind(), edges.Targets[e])));
        Assert.Equal(expected, actual);
    }

    private static string Format(BotDataset d, EntityKind kind, int row) => kind switch
    {
        EntityKind.User => d.Users.Ids.Format(row),
        EntityKind.Tweet => d.Tweets.Ids.Format(row),
        EntityKind.List => d.Lists.Ids.Format(row),
        _ => d.Hashtags.Ids.Format(row),
    };
}
