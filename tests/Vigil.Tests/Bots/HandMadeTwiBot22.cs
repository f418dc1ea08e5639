namespace Vigil.Tests.Bots;

/// <summary>
/// A small TwiBot-22 folder written by hand: 4 users, 4 tweets over two files (and an empty third), 2 lists,
/// 2 hashtags, labels, splits, and every one of the 14 relations — <c>membership</c> list → user as the released files
/// have it, <c>followed</c> once each way. Its values are the reference the tests check the reader against.
/// </summary>
public static class HandMadeTwiBot22
{
    public const string Users = """
        [{"created_at": "2008-06-19 15:36:08+00:00", "description": "Roam #a #b @u2", "entities": {"url": {"urls": [{"start": 0, "end": 23, "url": "https://t.co/x", "expanded_url": "https://example.org", "display_url": "example.org"}]}, "description": {"hashtags": [{"start": 5, "end": 7, "tag": "a"}, {"start": 8, "end": 10, "tag": "b"}], "mentions": [{"start": 11, "end": 14, "username": "u2"}]}}, "id": "u1", "location": "Yokohama, Japan", "name": "One", "pinned_tweet_id": 100, "profile_image_url": "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png", "protected": false, "public_metrics": {"followers_count": 10, "following_count": 20, "tweet_count": 30, "listed_count": 4}, "url": "https://t.co/x", "username": "one", "verified": true, "withheld": null},
         {"created_at": "2015-01-02 03:04:05+00:00", "description": "line\nbreak \"quoted\" \u00e9 \ud83d\ude00", "entities": null, "id": "u2", "location": null, "name": "Two", "pinned_tweet_id": null, "profile_image_url": "https://pbs.twimg.com/profile_images/2/b_normal.jpg", "protected": true, "public_metrics": {"followers_count": 1, "following_count": 2, "tweet_count": 3, "listed_count": 0}, "url": "", "username": "two", "verified": false, "withheld": null},
         {"created_at": "2020-12-31 23:59:59+00:00", "description": "", "entities": null, "id": "u3", "location": "Lagos", "name": "Three", "pinned_tweet_id": null, "profile_image_url": "https://pbs.twimg.com/profile_images/3/c_normal.jpg", "protected": false, "public_metrics": {"followers_count": 0, "following_count": 5, "tweet_count": 7, "listed_count": 0}, "url": "", "username": "three", "verified": false, "withheld": null},
         {"created_at": "2021-06-01 00:00:00+00:00", "description": "", "entities": null, "id": "u4", "location": "", "name": "Four", "pinned_tweet_id": null, "profile_image_url": "https://pbs.twimg.com/profile_images/4/d_normal.jpg", "protected": false, "public_metrics": {"followers_count": 3, "following_count": 3, "tweet_count": 3, "listed_count": 3}, "url": "", "username": "four", "verified": false, "withheld": null}]
        """;

    public const string Tweets0 = """
        [{"attachments": null, "author_id": 1, "context_annotations": null, "conversation_id": 100, "created_at": "2022-01-20 10:00:00+00:00", "entities": {"hashtags": [{"start": 6, "end": 8, "tag": "a"}], "mentions": [{"start": 9, "end": 12, "username": "two", "id": "2"}], "urls": [{"start": 13, "end": 27, "url": "https://t.co/y", "images": [{"url": "https://img", "width": 10, "height": 10}]}]}, "geo": null, "id": "t100", "in_reply_to_user_id": null, "lang": "en", "possibly_sensitive": false, "public_metrics": {"retweet_count": 5, "reply_count": 1, "like_count": 9, "quote_count": 1}, "referenced_tweets": null, "reply_settings": "everyone", "source": "Twitter for iPhone", "text": "hello #a @two https://t.co/y", "withheld": null},
         {"attachments": {"media_keys": ["3_1"]}, "author_id": 2, "context_annotations": [{"domain": {"id": "10", "name": "Person"}, "entity": {"id": "11", "name": "Someone"}}], "created_at": "2022-01-20 11:00:00+00:00", "entities": null, "geo": {"place_id": "abc"}, "id": "t101", "lang": "en", "possibly_sensitive": true, "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0, "quote_count": 0}, "referenced_tweets": [{"type": "retweeted", "id": "t100"}], "reply_settings": "everyone", "source": "Twitter Web App", "text": "RT @one: hello"}]
        """;

    public const string Tweets1 = """
        [{"author_id": 3, "created_at": "2022-01-21 12:00:00+00:00", "entities": null, "id": "t102", "lang": "ja", "possibly_sensitive": false, "public_metrics": {"retweet_count": 0, "reply_count": 2, "like_count": 3, "quote_count": 0}, "referenced_tweets": [{"type": "replied_to", "id": 100}, {"type": "quoted", "id": "t101"}], "source": "Twitter for Android", "text": "\u3053\u3093\u306b\u3061\u306f"},
         {"author_id": "1", "created_at": "2022-01-22 08:30:00+00:00", "entities": {"hashtags": [], "mentions": [], "urls": []}, "id": "t103", "lang": "en", "possibly_sensitive": false, "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0}, "referenced_tweets": null, "source": "Twitter for iPhone", "text": ""}]
        """;

    public const string Lists = """
        [{"created_at": "2019-05-05 05:05:05+00:00", "description": "science people", "follower_count": 5, "id": "l7", "member_count": 2, "name": "Science", "private": false},
         {"created_at": "2020-06-06 06:06:06+00:00", "description": "", "follower_count": 0, "id": "l8", "member_count": 1, "name": "Mine", "private": true}]
        """;

    public const string Hashtags = """[{"id": "h5", "tag_name": "a"}, {"id": "h6", "tag_name": "b"}]""";

    public const string Labels = "id,label\nu1,human\nu2,bot\nu3,bot\nu4,human\n";

    public const string Splits = "id,split\nu1,train\nu2,train\nu3,valid\nu4,test\n";

    public const string Edges = """
        source_id,relation,target_id
        u1,followers,u2
        u2,following,u1
        u3,following,u1
        u1,post,t100
        u2,post,t101
        u3,post,t102
        u1,post,t103
        u1,pinned,t100
        u4,like,t100
        t100,mentioned,u2
        t101,retweeted,t100
        t102,quoted,t101
        t102,replied_to,t100
        u1,own,l7
        l7,membership,u2
        l7,followed,u3
        u4,followed,l8
        l7,contain,t100
        t100,discuss,h5
        t102,discuss,h6

        """;

    public static DatasetFolder Create()
    {
        var folder = new DatasetFolder();
        folder.Write("user.json", Users).Write("tweet_0.json", Tweets0).Write("tweet_1.json", Tweets1).Write("tweet_2.json", "[]")
            .Write("list.json", Lists).Write("hashtag.json", Hashtags)
            .Write("label.csv", Labels).Write("split.csv", Splits).Write("edge.csv", Edges.Replace("\r\n", "\n"));
        return folder;
    }
}
