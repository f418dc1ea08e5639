using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Bots.IO;
using Vigil.Bots.IO.Json;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots;

/// <summary>
/// The record scanner (the reader's fast path) gives exactly what the token-by-token parser gives: the same rows, the
/// same problems with the same messages and positions, the same first error, and the same JSON errors at the same
/// byte and line; and it reads the usual records itself while leaving every other one to the token parser.
/// </summary>
public class RecordScannerTests
{
    private static BotDataset Read(string path, bool scan, TwiBotReaderOptions? options = null) =>
        TwiBotReader.Read(path, (options ?? new TwiBotReaderOptions()) with { ScanRecords = scan });

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void AGeneratedSetReadsTheSameWithTheScanner(bool tweetText, int parallelism)
    {
        using var folder = new DatasetFolder();
        BotDatasetGenerator.WriteTo(new BotDatasetGeneratorOptions { Users = 400, Seed = 11, TweetsPerUser = 6 }, folder.Path);
        var options = new TwiBotReaderOptions { LoadTweetText = tweetText, Parallelism = parallelism };
        var tokens = Read(folder.Path, scan: false, options);
        var scanned = Read(folder.Path, scan: true, options);
        Assert.True(scanned.Report.IsClean, scanned.Report.ToString());
        Assert.True(scanned.Tweets.Count > 2000);
        SameRead.Assert(tokens, scanned);
    }

    // Escapes, unicode escapes (a pair and a lone surrogate), nulls, reordered fields, extra whitespace, unknown and
    // nested fields the tables do not keep, entity items with content, and records with problems between them.
    private const string Tweets = """
        [
        {"author_id": 1, "created_at": "2020-01-01 00:00:00+00:00", "entities": null, "id": "t1", "lang": "en", "possibly_sensitive": false, "public_metrics": {"retweet_count": 1, "reply_count": 2, "like_count": 3, "quote_count": 4}, "referenced_tweets": null, "source": "web", "text": "plain"},
         {"id": "t2", "text": "line\nbreak \"quoted\" \u00e9 \ud83d\ude00 \/ \\", "author_id": "u1", "lang": null, "source": null},
        	{  "text" :  "spaces"  ,	"id"	:	"t3" ,
           "entities": {"hashtags": [{"start": 0, "end": 3, "tag": "abc"}, {}], "mentions": [], "urls": [{"url": "http://x", "expanded": {"a": [1, 2.5e3, -0.1, true, false, null, "s\"t"]}}], "cashtags": [{"tag": "X"}], "annotations": [{"probability": 0.9}]} }
         ,
        {"id": "t4", "referenced_tweets": [{"type": "retweeted", "id": "t1"}, {"id": 2, "type": "quoted", "extra": {"x": [1]}}], "context_annotations": [{"domain": {"id": "1", "name": "n\u0041"}}], "geo": {}, "unknown_number": -12.5E+3, "possibly_sensitive": true},
        {"id": "t5", "public_metrics": {"retweet_count": null, "like_count": 0, "impression_count": 7}, "created_at": null, "author_id": null, "text": null, "entities": {}},
        {"id": "t6", "text": "lone \ud800 surrogate", "lang": "こんにちは"},
        {"id": "t7", "public_metrics": {"like_count": -1}},
        {"id": "t8", "author_id": 1.5},
        {"id": "t1", "text": "duplicate"},
        {"id": "u9"},
        {"text": "no id"},
        {},
        {"id": "t10", "referenced_tweets": [{"type": "liked", "id": "t1"}]},
        {"id": "t11", "entities": {"hashtags": {"a": 1}, "urls": [[1, 2], "x", 3]}},
        {"id": "t12", "lang": "en", "\u0074ext": "escaped name"},
        {"id": "t13", "created_at": "Wed Oct 10 20:19:24 +0000 2018"},
        {"id": "t14", "author_id": 12345678901234567890},
        {"id": "t15", "author_id": 0, "public_metrics": {"like_count": 2147483647, "quote_count": 2147483648}},
        {"id": "t16", "possibly_sensitive": "True", "id": "t17"},
        {"id": "t18", "referenced_tweets": [{"type": "replied_to"}]},
        {"id": "t19", "text": "tab\tin string"},
        {"id": 20, "author_id": 0},
        {"id": "t21", "author_id": "t21", "referenced_tweets": [], "entities": {"mentions": [{}, {}, {}]}}
        ]
        """;

    private const string Users = """
        [
        {"id": "u0"},
        {"created_at": "2009-01-01 00:00:00+00:00", "description": "d", "entities": {"url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/x"}]}, "description": {"urls": [], "hashtags": [{"tag": "a"}, {"tag": "b"}], "mentions": [{}], "cashtags": [{}, {}, {}]}}, "id": "u1", "location": null, "name": "One", "pinned_tweet_id": 1, "profile_image_url": "https://x", "protected": false, "public_metrics": {"followers_count": 10, "following_count": 20, "tweet_count": 30, "listed_count": 40}, "url": "", "username": "one", "verified": true, "withheld": {"country_codes": ["DE"]}},
        {"id": "u2", "name": "Two \"quoted\"", "pinned_tweet_id": "t55", "entities": {"url": {"hashtags": [{}]}, "description": {"annotations": [{}]}}},
        {"id": "3", "verified": null, "protected": true, "description": "x\u0000y"},
        {"id": "u4", "pinned_tweet_id": "1x"},
        {"id": "u5", "entities": {"description": {"urls": {"a": {}}}}, "verified": "false"},
        {"id": "u6", "public_metrics": {"followers_count": "12"}, "location": {"city": "x"}},
        {"id": "u7", "entities": []},
        {"id": "u8", "name": "eight"},
        {"id": "u9", "pinned_tweet_id": 1200000000000129812},
        {"id": "u10", "pinned_tweet_id": 9223372036854775807},
        {"id": "u11", "pinned_tweet_id": 9223372036854775808},
        {"id": "u12", "pinned_tweet_id": 12000000000001298120},
        {"id": "u13", "pinned_tweet_id": 99999999999999999999}
        ]
        """;

    private static DatasetFolder HandMade() => new DatasetFolder().Write("user.json", Users).Write("tweet_0.json", Tweets);

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(97)]
    public void HandMadeEdgeCasesReadTheSameWithTheScanner(int bufferSize)
    {
        using var folder = HandMade();
        var options = new TwiBotReaderOptions { StopAtFirstError = false, BufferSize = bufferSize };
        var tokens = Read(folder.Path, scan: false, options);
        var scanned = Read(folder.Path, scan: true, options);
        Assert.False(scanned.Report.IsClean);
        SameRead.Assert(tokens, scanned);
        Assert.Equal("line\nbreak \"quoted\" é 😀 / \\", scanned.Tweets[1].Text);
        Assert.Equal((2, 0, 1), (scanned.Tweets.HashtagCount[2], scanned.Tweets.MentionCount[2], scanned.Tweets.UrlCount[2]));
        Assert.Equal(new UserEntityCounts(1, 0, 2, 1, 3), scanned.Users.Entities[1]);
        // A 19-digit numeric pinned tweet id is read; one past long.MaxValue, or longer, is a problem, as without the scanner.
        Assert.Equal(1200000000000129812L, scanned.Users.PinnedTweetId[scanned.Users.IndexOf(9)]);
        Assert.Equal(long.MaxValue, scanned.Users.PinnedTweetId[scanned.Users.IndexOf(10)]);
        Assert.All(new long[] { 11, 12, 13 }, id => Assert.Equal(UserTable.NoPinnedTweet, scanned.Users.PinnedTweetId[scanned.Users.IndexOf(id)]));
    }

    [Fact]
    public void TheFirstErrorIsTheSameWithTheScanner()
    {
        using var folder = HandMade();
        var tokens = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, scan: false));
        var scanned = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, scan: true));
        Assert.Equal(tokens.Message, scanned.Message);
        Assert.Equal(tokens.ByteOffset, scanned.ByteOffset);
    }

    [Theory]
    [InlineData("{\"id\": \"u41\", \"name\": \"x\", \"bad\": [1, 2,]}\n]")]
    [InlineData("{\"id\": \"u41\", \"name\": \"x\" \"y\"}\n]")]
    [InlineData("{\"id\": \"u41\", \"name\": \"x\\q\"}\n]")]
    [InlineData("{\"id\": \"u41\", \"n\": 01}\n]")]
    [InlineData("{\"id\": \"u41\"}, ,{\"id\": \"u42\"}\n]")]
    [InlineData("{\"id\": \"u41\"},]")]
    [InlineData("{\"id\": \"u41\"}")]
    public void MalformedJsonAfterScannedRecordsIsPlacedTheSame(string tail)
    {
        var text = new StringBuilder("[\n");
        for (int i = 1; i <= 40; i++) text.Append($"  {{\"id\": \"u{i}\", \"name\": \"user\\n{i}\"}},{(i % 3 == 0 ? "\r\n" : " ")}");
        text.Append(tail);
        foreach (bool bom in new[] { false, true })
        {
            using var folder = new DatasetFolder();
            File.WriteAllText(folder.File("user.json"), text.ToString(), new UTF8Encoding(bom));
            foreach (var size in new[] { 64, 1 << 20 })
            {
                var options = new TwiBotReaderOptions { BufferSize = size };
                var tokens = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, scan: false, options));
                var scanned = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, scan: true, options));
                Assert.Equal(DataProblem.MalformedJson, scanned.Problem);
                Assert.Equal(tokens.Message, scanned.Message);
                Assert.Equal(tokens.ByteOffset, scanned.ByteOffset);
            }
        }
    }

    [Fact]
    public void MalformedJsonIsPlacedAtItsByteAndLine()
    {
        var text = new StringBuilder("[");
        for (int i = 1; i <= 30; i++) text.Append($"{{\"id\": \"u{i}\"}},\n");
        text.Append("{\"id\": \"u31\", \"name\": tru}]");
        var json = text.ToString();
        using var folder = new DatasetFolder().Write("user.json", json);
        var e = Assert.Throws<BotDataFormatException>(() => Read(folder.Path, scan: true));
        long expected = json.IndexOf("tru}", StringComparison.Ordinal) + 3;
        Assert.Equal(expected, e.ByteOffset);
        Assert.Contains($"line 31, byte {expected - json.LastIndexOf('\n') } of the line", e.Message);
    }

    // The scanner on its own: what it reads, and where it leaves a record to the token parser.
    private static (int Next, RawRecord Record, BotDataset Dataset) Scan(string json, EntityKind kind = EntityKind.Tweet, bool keepText = true)
    {
        var dataset = new BotDataset("scan");
        var problems = new ProblemSink(ValidationPolicy.Strict, true, new ValidationReport(5));
        var record = new RawRecord();
        var scanner = new RecordScanner(record, kind, keepText, new EntityRecordSink(dataset, "tweet_0.json", problems));
        var bytes = Encoding.UTF8.GetBytes(json);
        return (scanner.TryRecord(bytes, 0, bytes.Length, 1000), record, dataset);
    }

    [Fact]
    public void TheScannerReadsAUsualTweet()
    {
        const string json = """, {"author_id": 7, "created_at": "2020-01-02 03:04:05+00:00", "entities": {"hashtags": [{}, {}], "urls": [{}]}, "id": "t42", "lang": "en", "possibly_sensitive": true, "public_metrics": {"retweet_count": 1, "reply_count": 2, "like_count": 3, "quote_count": 4}, "referenced_tweets": [{"type": "quoted", "id": "t9"}], "source": "web", "text": "hi \"there\""} ,""";
        var (next, r, _) = Scan(json);
        Assert.Equal(json.LastIndexOf('}') + 1, next);
        Assert.Equal((EntityKind.Tweet, 42L, 1000L + json.IndexOf("\"t42\"", StringComparison.Ordinal)), (r.Kind, r.Id, r.IdOffset));
        Assert.Equal(1000L + json.IndexOf('{'), r.StartOffset);
        Assert.Equal(7, r.Value(JsonField.AuthorId));
        Assert.Equal(TwiBotTime.FromDateTime(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)), r.Value(JsonField.CreatedAt));
        Assert.Equal((2, 0, 1), (r.TweetHashtags, r.TweetMentions, r.TweetUrls));
        Assert.Equal(1, r.Value(JsonField.PossiblySensitive));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, new[] { JsonField.RetweetCount, JsonField.ReplyCount, JsonField.LikeCount, JsonField.QuoteCount }.Select(r.Value));
        Assert.Equal(new[] { new ReferencedTweet(ReferencedTweetType.Quoted, 9) }, r.References);
        Assert.True(r.TryGetText(JsonField.Text, out var text));
        Assert.Equal("hi \"there\"", Encoding.UTF8.GetString(text));
        Assert.True(r.TryGetText(JsonField.Source, out var source));
        Assert.Equal("web", Encoding.UTF8.GetString(source));
    }

    [Fact]
    public void WithoutTweetTextsTheScannerKeepsNone()
    {
        var (next, r, _) = Scan(""",{"id": "t1", "text": "dropped \u00e9"}""", keepText: false);
        Assert.True(next > 0);
        Assert.False(r.TryGetText(JsonField.Text, out _));
    }

    [Theory]
    [InlineData(" ,\t{  \"text\" :  \"spaces\"  ,\t\"id\"\t:\t\"t3\" ,\r\n   \"entities\": {\"hashtags\": [{\"start\": 0, \"tag\": \"abc\"}, {}], \"mentions\": [], \"urls\": [{\"expanded\": {\"a\": [1, 2.5e3, -0.1, true, false, null, \"s\\\"t\"]}}], \"cashtags\": [{\"tag\": \"X\"}]} }")]
    [InlineData(""",{"id": "t4", "referenced_tweets": [{"type": "retweeted", "id": "t1"}, {"id": 2, "type": "quoted", "extra": {"x": [1]}}], "context_annotations": [{"domain": {"id": "1", "name": "n\u0041"}}], "geo": {}, "unknown": -12.5E+3}""")]
    [InlineData(""",{"id": "t5", "public_metrics": {"retweet_count": null, "like_count": 0, "impression_count": 7}, "created_at": null, "author_id": null, "text": null, "entities": {}}""")]
    [InlineData(""",{"id": "t2", "text": "line\nbreak \"quoted\" \u00e9 \ud83d\ude00 \/ \\", "author_id": "u1", "lang": null, "source": null}""")]
    [InlineData(""",{"id": "t6", "text": "lone \ud800 surrogate", "lang": "こんにちは"}""")]
    [InlineData(""",{"id": "t16", "possibly_sensitive": false, "id": "t17"}""")]
    public void TheScannerReadsProblemFreeRecordsOfOtherShapes(string json)
    {
        var (next, r, _) = Scan(json);
        Assert.Equal(Encoding.UTF8.GetByteCount(json[..(json.LastIndexOf('}') + 1)]), next);
        Assert.True(r.HasId);
    }

    // The scanner predicts each name from the one before it (the last record's order); records whose names differ
    // from the prediction (another order, a longer name starting like it, space before the colon) read the same.
    [Fact]
    public void TheScannerReadsRecordsWhoseNamesDifferFromThePrediction()
    {
        var records = new[]
        {
            """,{"id": "t1", "lang": "en", "text": "a", "public_metrics": {"like_count": 1, "quote_count": 2}}""",
            """,{"id": "t2", "lang": "en", "text": "b", "public_metrics": {"like_count": 3, "quote_count": 4}}""",
            """,{"id": "t3", "text": "c", "lang": "de", "public_metrics": {"quote_count": 5, "like_count": 6}}""",
            """,{"id": "t4", "text_extra": "x", "text" : "d", "lang_x": "y", "public_metrics": {"quote_counts": 9, "like_count": 7}}""",
            """,{"id": "t5", "lang": "fr", "text": "e", "public_metrics": {"like_count": 8, "quote_count": 9}}""",
        };
        var expected = new (long Id, string Lang, string Text, long Likes, long Quotes)[]
        {
            (1, "en", "a", 1, 2), (2, "en", "b", 3, 4), (3, "de", "c", 6, 5), (4, "", "d", 7, -1), (5, "fr", "e", 8, 9),
        };
        var bytes = Encoding.UTF8.GetBytes(string.Concat(records));
        var dataset = new BotDataset("scan");
        var problems = new ProblemSink(ValidationPolicy.Strict, true, new ValidationReport(5));
        var record = new RawRecord();
        var scanner = new RecordScanner(record, EntityKind.Tweet, true, new EntityRecordSink(dataset, "tweet_0.json", problems));
        int at = 0;
        foreach (var (id, lang, text, likes, quotes) in expected)
        {
            at = scanner.TryRecord(bytes, at, bytes.Length, 0);
            Assert.True(at > 0, $"t{id}");
            Assert.Equal(id, record.Id);
            Assert.Equal(lang, record.TryGetText(JsonField.Lang, out var l) ? Encoding.UTF8.GetString(l) : "");
            Assert.True(record.TryGetText(JsonField.Text, out var t));
            Assert.Equal(text, Encoding.UTF8.GetString(t));
            Assert.Equal(likes, record.Value(JsonField.LikeCount));
            Assert.Equal(quotes, record.Has(JsonField.QuoteCount) ? record.Value(JsonField.QuoteCount) : -1);
        }
        Assert.Equal(bytes.Length, at);
    }

    [Theory]
    [InlineData("1200000000000129812", 1200000000000129812L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0", 0L)]
    public void TheScannerReadsNineteenDigitIds(string digits, long id)
    {
        var (next, r, _) = Scan($$""",{"id": "u1", "pinned_tweet_id": {{digits}}}""", EntityKind.User);
        Assert.True(next > 0);
        Assert.Equal(id, r.Value(JsonField.PinnedTweetId));
    }

    [Fact]
    public void TheScannerReadsAUsualUser()
    {
        const string json = """,{"created_at": "2009-01-01 00:00:00+00:00", "description": "d", "entities": {"url": {"urls": [{"url": "https://t.co/x"}]}, "description": {"urls": [], "hashtags": [{"tag": "a"}, {"tag": "b"}], "mentions": [{}], "cashtags": [{}, {}, {}]}}, "id": "u1", "location": null, "name": "One", "pinned_tweet_id": 1, "profile_image_url": "https://x", "protected": false, "public_metrics": {"followers_count": 10, "following_count": 20, "tweet_count": 30, "listed_count": 40}, "url": "", "username": "one", "verified": true, "withheld": {"country_codes": ["DE"]}}""";
        var (next, r, _) = Scan(json, EntityKind.User);
        Assert.Equal(json.Length, next);
        Assert.Equal(new[] { 1, 0, 2, 1, 3 }, r.UserEntities);
        Assert.Equal(1, r.Value(JsonField.PinnedTweetId));
        Assert.Equal((10L, 40L, 1L, 0L), (r.Value(JsonField.FollowersCount), r.Value(JsonField.ListedCount), r.Value(JsonField.Verified), r.Value(JsonField.Protected)));
        Assert.False(r.TryGetText(JsonField.Location, out _));
        Assert.True(r.TryGetText(JsonField.Url, out var url) && url.IsEmpty);
    }

    [Theory]
    [InlineData("""{"id": "t1"}""")]                                   // no comma before: not between two records
    [InlineData(""",{"id": "t1", "text": "cut""")]                     // cut by the buffer's end
    [InlineData(",{\"id\": \"t1\", \"text\": \"x\"")]                      // closing brace not yet in the buffer
    [InlineData(""",{}""")]                                            // empty object: the token parser reports it
    [InlineData(""",{"text": "x"}""")]                                 // no id
    [InlineData(""",{"id": "u1"}""")]                                  // another kind's id
    [InlineData(""",{"id": "t1", "\u0074ext": "x"}""")]                // escaped name
    [InlineData(""",{"id": "t1", "author_id": -1}""")]                 // sign
    [InlineData(""",{"id": "t1", "author_id": 1.0}""")]                // fraction
    [InlineData(""",{"id": "t1", "author_id": 1e3}""")]                // exponent
    [InlineData(""",{"id": "t1", "author_id": 01}""")]                 // leading zero: not JSON
    [InlineData(""",{"id": "t1", "public_metrics": {"like_count": 2147483648}}""")]
    [InlineData(""",{"id": "t1", "possibly_sensitive": "true"}""")]    // a string flag: the token parser converts it
    [InlineData(""",{"id": "t1", "text": "a\qb"}""")]                  // invalid escape
    [InlineData(""",{"id": "t1", "text": "a\u12G4"}""")]               // invalid unicode escape
    [InlineData(""",{"id": "t1", "text": "a	b"}""")]                    // raw tab inside a string
    [InlineData(""",{"id": "t1", "x": [1, 2,]}""")]                    // trailing comma
    [InlineData(""",{"id": "t1", "x": tru}""")]                        // broken literal
    [InlineData(""",{"id": "t1",}""")]                                 // trailing comma in the record
    [InlineData(""",{"id": "t1", "referenced_tweets": [{"id": "t2"}]}""")] // a reference without its type
    [InlineData(""",{"id": "t1", "entities": {"urls": {"a": 1}}}""")]  // items in an object, not an array
    [InlineData(""",{"id": "t1" /* comment */}""")]
    [InlineData(""",{"id": "t1", "author_id": 9223372036854775808}""")] // past long.MaxValue: TryGetInt64 fails
    [InlineData(""",{"id": "t1", "author_id": 18446744073709551616}""")] // past ulong.MaxValue
    [InlineData(""",{"id": "t1", "author_id": 12000000000001298120}""")] // 20 digits
    public void TheScannerLeavesUnusualRecordsToTheTokenParser(string json)
    {
        var (next, _, dataset) = Scan(json);
        Assert.Equal(-1, next);
        Assert.Equal(0, dataset.Tweets.Count);
    }
}
