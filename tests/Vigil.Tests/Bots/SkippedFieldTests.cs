using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots;

/// <summary>
/// Fields no table keeps (context_annotations, geo, attachments, …) and the insides of entity items are passed over
/// with <c>Utf8JsonReader.TrySkip</c>: what is read stays the same whatever those values hold, names inside them that
/// the reader knows elsewhere (id, text, entities) change nothing, broken JSON inside is still found at its byte, and
/// a value cut by the read buffer gives the same rows.
/// </summary>
public class SkippedFieldTests
{
    // Known names nested inside ignored values, and entity items with nested content of their own.
    private const string Tweets = """
        [{"id": "t1", "author_id": 7, "context_annotations": [{"domain": {"id": "10", "name": "Person", "text": "no"}, "entity": {"id": "t999", "entities": {"hashtags": [{}, {}]}}}],
          "geo": {"place_id": "abc", "coordinates": {"type": "Point", "coordinates": [1.5, -2e3]}}, "attachments": {"media_keys": ["3_1", "3_2"]},
          "entities": {"hashtags": [{"start": 0, "end": 2, "tag": "a", "nested": {"hashtags": [{}, {}, {}]}}], "mentions": [{"id": "2", "username": "two"}, {"id": "3"}],
                       "urls": [{"url": "https://t.co/y", "images": [{"url": "https://img", "width": 10}]}], "annotations": [{"probability": 0.9}]},
          "text": "kept", "lang": "en", "public_metrics": {"retweet_count": 5, "reply_count": 1, "like_count": 9, "quote_count": 1},
          "referenced_tweets": [{"type": "quoted", "id": "t2"}], "withheld": {"copyright": true, "country_codes": ["DE"]}},
         {"id": "t2", "author_id": 7, "context_annotations": null, "text": "second", "entities": {"hashtags": [], "mentions": [[{"id": "x"}]]}}]
        """;
    private const string Users = """
        [{"id": "u7", "name": "Seven", "entities": {"url": {"urls": [{"url": "https://t.co/a", "expanded_url": "https://a", "indices": [0, 23]}]},
          "description": {"hashtags": [{"tag": "x", "indices": [1, 2]}], "mentions": [{"username": "y"}, {"username": "z"}], "cashtags": []}},
          "withheld": {"country_codes": ["DE"]}, "public_metrics": {"followers_count": 3, "following_count": 4, "tweet_count": 2, "listed_count": 0}}]
        """;

    [Theory]
    [InlineData(TwiBotReaderOptions.DefaultBufferSize)]
    [InlineData(8)]
    [InlineData(29)]
    public void IgnoredValuesAndEntityItemInsidesChangeNothingRead(int bufferSize)
    {
        using var folder = new DatasetFolder().Write("user.json", Users).Write("tweet_0.json", Tweets);
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { BufferSize = bufferSize });
        Assert.True(d.Report.IsClean, d.Report.ToString());
        Assert.Equal(2, d.Tweets.Count);
        var first = d.Tweets[0];
        Assert.Equal((1L, "kept", "en", 7L), (first.Id, first.Text, first.Lang, first.AuthorId!.Value));
        // One hashtag, two mentions, one url: the items' nested "hashtags" and the annotations count for nothing.
        Assert.Equal((1, 2, 1), (first.HashtagCount, first.MentionCount, first.UrlCount));
        Assert.Equal((5, 1, 9, 1), (first.RetweetCount, first.ReplyCount, first.LikeCount, first.QuoteCount));
        Assert.Equal(new ReferencedTweet(ReferencedTweetType.Quoted, 2), Assert.Single(first.ReferencedTweets));
        var second = d.Tweets[1];
        Assert.Equal(("second", 0, 1), (second.Text, second.HashtagCount, second.MentionCount));
        var user = d.Users[0];
        Assert.Equal(new UserEntityCounts(1, 0, 1, 2, 0), user.Entities);
        Assert.Equal(3, user.FollowersCount);
    }

    [Fact]
    public void BrokenJsonInsideAnIgnoredValueIsFoundAtItsByte()
    {
        var bad = Tweets.Replace("\"place_id\": \"abc\",", "\"place_id\": \"abc\" ,,", StringComparison.Ordinal);
        using var folder = new DatasetFolder().Write("user.json", Users).Write("tweet_0.json", bad);
        var e = Assert.Throws<BotDataFormatException>(() => TwiBotReader.Read(folder.Path));
        Assert.Equal(DataProblem.MalformedJson, e.Problem);
        Assert.Equal("tweet_0.json", e.File);
        Assert.Equal(bad.IndexOf(",,", StringComparison.Ordinal) + 1, e.ByteOffset);
    }
}
