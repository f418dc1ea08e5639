namespace Vigil.Bots.Data;

/// <summary>How a tweet refers to another (Twitter API v2 <c>referenced_tweets[].type</c>).</summary>
public enum ReferencedTweetType : byte
{
    Retweeted,
    Quoted,
    RepliedTo,
}

public static class ReferencedTweetTypes
{
    public static string Name(this ReferencedTweetType type) => type switch
    {
        ReferencedTweetType.Retweeted => "retweeted",
        ReferencedTweetType.Quoted => "quoted",
        ReferencedTweetType.RepliedTo => "replied_to",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a referenced-tweet type."),
    };

    public static bool TryParse(ReadOnlySpan<byte> utf8, out ReferencedTweetType type)
    {
        if (utf8.SequenceEqual("retweeted"u8)) { type = ReferencedTweetType.Retweeted; return true; }
        if (utf8.SequenceEqual("quoted"u8)) { type = ReferencedTweetType.Quoted; return true; }
        if (utf8.SequenceEqual("replied_to"u8)) { type = ReferencedTweetType.RepliedTo; return true; }
        type = default;
        return false;
    }
}

/// <summary>One entry of a tweet's <c>referenced_tweets</c>: the kind of reference and the referenced tweet's id digits.</summary>
public readonly record struct ReferencedTweet(ReferencedTweetType Type, long TweetId);
