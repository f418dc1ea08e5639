using System.Text.Json;
using Vigil.Bots.Data;
using static Vigil.Bots.IO.Json.JsonArrayFileWriter;

namespace Vigil.Bots.IO.Json;

/// <summary>
/// One tweet row as a TwiBot-22 <c>tweet_N.json</c> object: <c>author_id</c> as bare digits, <c>id</c> and referenced ids
/// with their <c>t</c>; the text is left out when the table holds none.
/// </summary>
internal static class TweetJsonWriter
{
    public static void Write(Utf8JsonWriter w, TweetTable tweets, int row)
    {
        w.WriteStartObject();
        long author = tweets.AuthorId[row];
        if (author == TweetTable.UnknownAuthor) w.WriteNull("author_id"u8);
        else w.WriteNumber("author_id"u8, author);
        WriteTime(w, "created_at"u8, tweets.CreatedAt[row]);
        int hashtags = tweets.HashtagCount[row], mentions = tweets.MentionCount[row], urls = tweets.UrlCount[row];
        if (hashtags + mentions + urls == 0) w.WriteNull("entities"u8);
        else
        {
            w.WriteStartObject("entities"u8);
            if (hashtags > 0) WriteEntityItems(w, "hashtags"u8, hashtags);
            if (mentions > 0) WriteEntityItems(w, "mentions"u8, mentions);
            if (urls > 0) WriteEntityItems(w, "urls"u8, urls);
            w.WriteEndObject();
        }
        WriteId(w, "id"u8, EntityKind.Tweet, tweets.Ids[row]);
        WriteCategory(w, "lang"u8, tweets.Lang[row]);
        w.WriteBoolean("possibly_sensitive"u8, tweets.PossiblySensitive[row]);
        // A stack span, not an array: this runs once per tweet when the generator streams millions of them.
        Span<int> counts = stackalloc int[] { tweets.RetweetCount[row], tweets.ReplyCount[row], tweets.LikeCount[row], tweets.QuoteCount[row] };
        if (!counts.ContainsAnyExcept(TweetTable.MissingCount)) w.WriteNull("public_metrics"u8);
        else
        {
            w.WriteStartObject("public_metrics"u8);
            WriteCountIfPresent(w, "retweet_count"u8, counts[0], TweetTable.MissingCount);
            WriteCountIfPresent(w, "reply_count"u8, counts[1], TweetTable.MissingCount);
            WriteCountIfPresent(w, "like_count"u8, counts[2], TweetTable.MissingCount);
            WriteCountIfPresent(w, "quote_count"u8, counts[3], TweetTable.MissingCount);
            w.WriteEndObject();
        }
        var references = tweets.ReferencesOf(row);
        if (references.IsEmpty) w.WriteNull("referenced_tweets"u8);
        else
        {
            w.WriteStartArray("referenced_tweets"u8);
            foreach (var reference in references)
            {
                w.WriteStartObject();
                w.WriteString("type"u8, reference.Type.Name());
                WriteId(w, "id"u8, EntityKind.Tweet, reference.TweetId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteCategory(w, "source"u8, tweets.Source[row]);
        if (tweets.HasText) WriteText(w, "text"u8, tweets.Text, row);
        w.WriteEndObject();
    }

    private static void WriteCategory(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
