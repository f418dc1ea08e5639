namespace Vigil.Tests.Bots.Conversion;

/// <summary>
/// A small Cresci-2015 folder in the released layout, written by hand: E13 (humans, with tweets, followers and
/// friends) and INT (fake followers). Follow files list "source_id follows target_id"; some ends are outside the set.
/// </summary>
public static class HandMadeCresci2015
{
    public const string UsersHeader = "id,name,screen_name,statuses_count,followers_count,friends_count,favourites_count,listed_count,created_at,url,lang,time_zone,location,default_profile,default_profile_image,geo_enabled,profile_image_url,protected,verified,description,updated";

    public const string E13Users = UsersHeader + "\n" +
        "11,Ann,ann,100,20,30,1,2,Fri Apr 06 10:58:22 +0000 2007,http://ann.example,it,Rome,\"Rome, Italy\",,,,http://a0.twimg.com/profile_images/1/a_normal.png,,1,\"Line one\nline \"\"two\"\"\",2015-02-14 10:54:49\n" +
        "12,Bob,bob,5,1,2,0,0,Mon Apr 30 15:08:42 +0000 2007,,en,,,1.0,1.0,,http://a0.twimg.com/sticky/default_profile_images/default_profile_3_normal.png,,,,2015-02-14 10:54:49\n";

    public const string IntUsers = UsersHeader + "\n" +
        "21,Fake One,fake1,0,3,900,0,0,Sat Jun 23 15:33:15 +0000 2012,,en,,,1.0,,,http://a0.twimg.com/profile_images/2/b_normal.png,,,buy followers,2015-02-14 10:54:49\n" +
        "22,Fake Two,fake2,1,0,1200,0,0,Sat Jun 23 15:40:00 +0000 2012,,en,,,1.0,,,http://a0.twimg.com/profile_images/3/c_normal.png,,,,2015-02-14 10:54:49\n";

    public const string E13Tweets = "id,text,source,user_id,retweet_count,reply_count,favorite_count,num_hashtags,num_urls,num_mentions,created_at\n" +
        "1001,\"hello, world\",web,11,1,0,2,0,0,0,Fri Apr 06 11:00:00 +0000 2007\n" +
        "1002,second #tweet,web,11,0,0,0,1,0,0,Fri Apr 06 12:00:00 +0000 2007\n" +
        "1003,by bob,web,12,0,0,0,0,0,0,Mon Apr 30 16:00:00 +0000 2007\n" +
        "1004,by someone else,web,99,0,0,0,0,0,0,Mon Apr 30 16:00:00 +0000 2007\n";

    // 21 and 99 follow 11; 12 follows 11.
    public const string E13Followers = "source_id,target_id\n21,11\n99,11\n12,11\n";
    // 11 follows 12 and 77; 12 follows 22.
    public const string E13Friends = "source_id,target_id\n11,12\n11,77\n12,22\n";

    public static DatasetFolder Create()
    {
        var folder = new DatasetFolder();
        Directory.CreateDirectory(folder.File("E13"));
        Directory.CreateDirectory(folder.File("INT"));
        folder.Write("E13/users.csv", E13Users).Write("INT/users.csv", IntUsers)
            .Write("E13/tweets.csv", E13Tweets).Write("E13/followers.csv", E13Followers).Write("E13/friends.csv", E13Friends);
        return folder;
    }
}
