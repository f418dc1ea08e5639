using static Vigil.Bots.Baselines.Features.Inputs.ProfileValues;
using P = Vigil.Bots.Baselines.Features.Inputs.DataInput;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>
/// The per-user features the feature-based baselines draw from, named as in their papers where they share one.
/// Counts that are missing read as 0; rates divide by the account age in days at the collection time.
/// </summary>
public static class UserFeatures
{
    // Profile: counts, age and rates.
    public static readonly UserFeature Followers = new("followers_count", P.Profile, (t, u) => Count(t.Dataset.Users.FollowersCount[u]));
    public static readonly UserFeature Following = new("following_count", P.Profile, (t, u) => Count(t.Dataset.Users.FollowingCount[u]));
    public static readonly UserFeature TweetCount = new("tweet_count", P.Profile, (t, u) => Count(t.Dataset.Users.TweetCount[u]));
    public static readonly UserFeature Listed = new("listed_count", P.Profile, (t, u) => Count(t.Dataset.Users.ListedCount[u]));
    public static readonly UserFeature AgeDays = new("account_age_days", P.Profile, ProfileValues.AgeDays);
    public static readonly UserFeature FollowersPerFollowing = new("followers_per_following", P.Profile,
        (t, u) => Count(t.Dataset.Users.FollowersCount[u]) / (1 + Count(t.Dataset.Users.FollowingCount[u])));
    public static readonly UserFeature FollowingPerFollowers = new("following_per_followers", P.Profile,
        (t, u) => Count(t.Dataset.Users.FollowingCount[u]) / (1 + Count(t.Dataset.Users.FollowersCount[u])));
    public static readonly UserFeature TweetsPerDay = new("tweets_per_day", P.Profile, (t, u) => PerDay(t, u, Count(t.Dataset.Users.TweetCount[u])));
    public static readonly UserFeature FollowersPerDay = new("followers_per_day", P.Profile, (t, u) => PerDay(t, u, Count(t.Dataset.Users.FollowersCount[u])));
    public static readonly UserFeature FollowingPerDay = new("following_per_day", P.Profile, (t, u) => PerDay(t, u, Count(t.Dataset.Users.FollowingCount[u])));
    public static readonly UserFeature ListedPerDay = new("listed_per_day", P.Profile, (t, u) => PerDay(t, u, Count(t.Dataset.Users.ListedCount[u])));

    // Profile: flags.
    public static readonly UserFeature Verified = new("verified", P.Profile, (t, u) => t.Dataset.Users.Verified[u] ? 1 : 0);
    public static readonly UserFeature Protected = new("protected", P.Profile, (t, u) => t.Dataset.Users.Protected[u] ? 1 : 0);
    public static readonly UserFeature DefaultProfileImage = new("default_profile_image", P.Profile, (t, u) => t.Dataset.Users.HasDefaultProfileImage(u) ? 1 : 0);
    public static readonly UserFeature HasUrl = new("has_url", P.Profile,
        (t, u) => t.Dataset.Users.Url.GetUtf8(u).Length > 0 || t.Dataset.Users.Entities[u].UrlUrls > 0 ? 1 : 0);
    public static readonly UserFeature HasLocation = new("has_location", P.Profile, (t, u) => t.Dataset.Users.Location.GetUtf8(u).Length > 0 ? 1 : 0);
    public static readonly UserFeature HasPinnedTweet = new("has_pinned_tweet", P.Profile, (t, u) => t.Dataset.Users.PinnedTweetId[u] >= 0 ? 1 : 0);

    // Profile: names and description.
    public static readonly UserFeature UsernameLength = new("screen_name_length", P.Profile, (t, u) => Length(t.Dataset.Users.Username.GetUtf8(u)));
    public static readonly UserFeature UsernameDigits = new("screen_name_digits", P.Profile, (t, u) => Digits(t.Dataset.Users.Username.GetUtf8(u)));
    public static readonly UserFeature NameLength = new("name_length", P.Profile, (t, u) => Length(t.Dataset.Users.Name.GetUtf8(u)));
    public static readonly UserFeature NameDigits = new("name_digits", P.Profile, (t, u) => Digits(t.Dataset.Users.Name.GetUtf8(u)));
    public static readonly UserFeature DescriptionLength = new("description_length", P.Profile, (t, u) => Length(t.Dataset.Users.Description.GetUtf8(u)));
    public static readonly UserFeature DescriptionUrls = new("description_urls", P.Profile, (t, u) => t.Dataset.Users.Entities[u].DescriptionUrls);
    public static readonly UserFeature DescriptionHashtags = new("description_hashtags", P.Profile, (t, u) => t.Dataset.Users.Entities[u].DescriptionHashtags);
    public static readonly UserFeature DescriptionMentions = new("description_mentions", P.Profile, (t, u) => t.Dataset.Users.Entities[u].DescriptionMentions);

    // Tweets in the data.
    public static readonly UserFeature TweetsInData = new("tweets_in_data", P.Tweets, (t, u) => UserActivity.Of(t).Tweets[u]);
    public static readonly UserFeature RetweetShare = new("retweet_share", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Retweets[u]));
    public static readonly UserFeature ReplyShare = new("reply_share", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Replies[u]));
    public static readonly UserFeature QuoteShare = new("quote_share", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Quotes[u]));
    public static readonly UserFeature UrlsPerTweet = new("urls_per_tweet", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Urls[u]));
    public static readonly UserFeature HashtagsPerTweet = new("hashtags_per_tweet", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Hashtags[u]));
    public static readonly UserFeature MentionsPerTweet = new("mentions_per_tweet", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).Mentions[u]));
    public static readonly UserFeature LikesPerTweet = new("likes_received_per_tweet", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).LikesReceived[u]));
    public static readonly UserFeature RetweetedPerTweet = new("retweets_received_per_tweet", P.Tweets, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).RetweetsReceived[u]));
    public static readonly UserFeature SourceCount = new("source_count", P.Tweets, (t, u) => UserActivity.Of(t).Sources[u]);
    public static readonly UserFeature GapMeanHours = new("tweet_gap_mean_hours", P.Tweets, (t, u) => UserActivity.Of(t).GapMeanHours[u]);
    public static readonly UserFeature GapStdHours = new("tweet_gap_std_hours", P.Tweets, (t, u) => UserActivity.Of(t).GapStdHours[u]);
    public static readonly UserFeature TweetLength = new("tweet_length_mean", P.TweetText, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).TextBytes[u]));
    public static readonly UserFeature DistinctTextShare = new("distinct_text_share", P.TweetText, (t, u) => UserActivity.Of(t).PerTweet(u, UserActivity.Of(t).DistinctTexts[u]));

    // Friendship preference (user–user edges).
    public static readonly UserFeature FriendsInData = new("friends_in_data", P.UserEdges, (t, u) => FriendshipPreference.Of(t).Friends[u]);
    public static readonly UserFeature FollowersInData = new("followers_in_data", P.UserEdges, (t, u) => FriendshipPreference.Of(t).Followers[u]);
    public static readonly UserFeature Reciprocity = new("follow_reciprocity", P.UserEdges, (t, u) => FriendshipPreference.Of(t).Reciprocity[u]);
    public static readonly UserFeature FriendFollowersMean = new("friend_log_followers_mean", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogFollowers[u].Mean);
    public static readonly UserFeature FriendFollowersStd = new("friend_log_followers_std", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogFollowers[u].Std);
    public static readonly UserFeature FriendFollowingMean = new("friend_log_following_mean", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogFollowing[u].Mean);
    public static readonly UserFeature FriendFollowingStd = new("friend_log_following_std", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogFollowing[u].Std);
    public static readonly UserFeature FriendTweetsMean = new("friend_log_tweets_mean", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogTweets[u].Mean);
    public static readonly UserFeature FriendTweetsStd = new("friend_log_tweets_std", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendLogTweets[u].Std);
    public static readonly UserFeature FriendAgeMean = new("friend_age_days_mean", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendAgeDays[u].Mean);
    public static readonly UserFeature FriendAgeStd = new("friend_age_days_std", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendAgeDays[u].Std);
    public static readonly UserFeature FriendVerifiedShare = new("friend_verified_share", P.UserEdges, (t, u) => FriendshipPreference.Of(t).FriendVerifiedShare[u]);
}
