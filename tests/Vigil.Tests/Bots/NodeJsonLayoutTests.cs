using Vigil.Bots.Data;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots;

/// <summary>
/// The older layout (TwiBot-20, Cresci-2015 as the TwiBot-22 repository repackaged them): one node.json with users then
/// tweets, <c>post</c>/<c>follow</c>/<c>friend</c> edges, <c>val</c> for validation, and API v1.1 leftovers (counts and
/// flags as strings with trailing spaces, v1.1 dates).
/// </summary>
public class NodeJsonLayoutTests
{
    private const string Nodes = """
        [{"created_at": "Tue Apr 14 18:23:21 +0000 2009 ", "description": "old school", "entities": {"url": {"urls": []}, "description": {"urls": [{"url": "https://t.co/z"}]}}, "id": "u17461978", "location": "Boston", "name": "Old", "pinned_tweet_id": null, "profile_image_url": "http://a0.twimg.com/profile_images/1/x_normal.jpg", "protected": "False ", "public_metrics": {"followers_count": "123 ", "following_count": 45, "tweet_count": "6", "listed_count": 0}, "url": null, "username": "old_user", "verified": "True ", "withheld": null},
         {"id": "u2", "name": "Second", "username": "second", "public_metrics": {"followers_count": 0, "following_count": 1, "tweet_count": 2, "listed_count": 0}},
         {"id": "t900", "text": "first tweet"},
         {"id": "t901", "text": "second tweet"},
         {"id": "t902", "text": "third"}]
        """;

    private const string Edges = "source_id,relation,target_id\nu17461978,post,t900\nu2,post,t901\nu2,post,t902\nu17461978,follow,u2\nu2,friend,u17461978\n";

    [Fact]
    public void NodeJsonUsersAndTweetsLoad()
    {
        using var folder = new DatasetFolder();
        folder.Write("node.json", Nodes).Write("edge.csv", Edges)
            .Write("label.csv", "id,label\nu17461978,human\nu2,bot\n").Write("split.csv", "id,split\nu17461978,train\nu2,val\n");
        var d = TwiBotReader.Read(folder.Path);

        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(DatasetLayout.NodeJson, d.Layout);
        Assert.Equal((2, 3), (d.Users.Count, d.Tweets.Count));
        var old = d.Users[0];
        Assert.Equal(new DateTimeOffset(2009, 4, 14, 18, 23, 21, TimeSpan.Zero), old.CreatedAt);
        Assert.Equal((123, 45, 6, 0), (old.FollowersCount, old.FollowingCount, old.TweetCount, old.ListedCount));
        Assert.True(old.Verified);
        Assert.False(old.Protected);
        Assert.Null(old.Url);
        Assert.Equal(new UserEntityCounts(0, 1, 0, 0, 0), old.Entities);
        Assert.Null(d.Users[1].CreatedAt);
        Assert.Equal("third", d.Tweets[2].Text);

        // Tweets name no author in node.json; the post edges give it.
        Assert.Equal(new long[] { 17461978, 2, 2 }, d.Tweets.AuthorId.ToArray());
        Assert.Equal(new[] { DataSplit.Train, DataSplit.Valid }, d.Splits.ToArray());
        TwiBot22LayoutTests.AssertEdges(d, BotRelation.Follow, ("u17461978", "u2"));
        TwiBot22LayoutTests.AssertEdges(d, BotRelation.Friend, ("u2", "u17461978"));
        Assert.Equal(new[] { "post", "follow", "friend" }, d.ToHeteroGraph().Relations.Select(r => r.Type.Relation));
    }

    [Fact]
    public void ANodeJsonDatasetWrittenInTheTwiBot22LayoutReadsBackEqual()
    {
        using var folder = new DatasetFolder();
        folder.Write("node.json", Nodes).Write("edge.csv", Edges);
        var original = TwiBotReader.Read(folder.Path);
        using var copy = new DatasetFolder();
        TwiBotWriter.Write(original, copy.Path);
        var back = TwiBotReader.Read(copy.Path);
        Assert.Equal(DatasetLayout.TwiBot22, back.Layout);
        Assert.Empty(BotDatasetComparison.Differences(original, back));
    }
}
