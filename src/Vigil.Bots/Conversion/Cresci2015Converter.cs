using Vigil.Bots.Conversion.Csv;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion;

/// <summary>
/// Converts Cresci-2015 ("Fame for sale", Cresci et al. 2015) from its released layout, one folder per subset, into
/// a <see cref="BotDataset"/>. The paper's labels: E13 (#elezioni2013 accounts) and TFP (The Fake Project) are
/// humans; INT (intertwitter), FSF (fastfollowerz) and TWT (twittertechnology) are bought fake followers, here
/// <c>bot</c>. Each subset's <c>users.csv</c> (API v1.1 profile fields) maps to TwiBot-22 user fields
/// (<c>screen_name</c>→username, <c>friends_count</c>→following_count, <c>statuses_count</c>→tweet_count, …);
/// <c>tweets.csv</c>, <c>followers.csv</c> and <c>friends.csv</c> add tweets with <c>post</c> edges and follow edges where
/// present. Users get a stratified 70/20/10 split (<see cref="StratifiedSplit"/>) since the release has none.
/// </summary>
public static class Cresci2015Converter
{
    /// <summary>The subsets in the order they are read, with the paper's label.</summary>
    public static IReadOnlyList<(string Subset, BotLabel Label)> Subsets { get; } = new[]
    {
        ("E13", BotLabel.Human), ("TFP", BotLabel.Human), ("INT", BotLabel.Bot), ("FSF", BotLabel.Bot), ("TWT", BotLabel.Bot),
    };

    public const string SkippedTweetsOfOtherUsers = "tweets whose user_id is not a dataset user";
    public const string SkippedFollowEdgesOutside = "follow edges with an end outside the dataset's users";

    public static ConvertedDataset Convert(string sourceDirectory, ConversionOptions? options = null)
    {
        options ??= new ConversionOptions();
        if (!Directory.Exists(sourceDirectory)) throw new DirectoryNotFoundException($"Cresci-2015 folder '{sourceDirectory}' does not exist.");
        var present = Subsets.Where(s => File.Exists(Path.Combine(sourceDirectory, s.Subset, "users.csv"))).ToList();
        if (present.Count == 0)
            throw new FileNotFoundException($"'{sourceDirectory}' holds none of the Cresci-2015 subsets ({string.Join(", ", Subsets.Select(s => s.Subset + "/users.csv"))}).");
        foreach (var (subset, _) in Subsets.Except(present)) options.Progress?.Invoke($"subset {subset} is absent (no {subset}/users.csv)");

        var report = new ValidationReport();
        var problems = new CsvRowProblems(options.Policy, report);
        var skipped = new SkipCounts();
        var dataset = new BotDataset(new DirectoryInfo(Path.GetFullPath(sourceDirectory)).Name);
        foreach (var (subset, label) in present) ReadUsers(sourceDirectory, subset, label, dataset, problems, options);
        foreach (var (subset, _) in present)
        {
            var tweets = Path.Combine(sourceDirectory, subset, "tweets.csv");
            if (File.Exists(tweets)) ReadTweets(tweets, $"{subset}/tweets.csv", dataset, problems, skipped, options);
        }
        foreach (var (subset, _) in present)
        {
            // Both files list "source_id follows target_id": followers.csv the accounts following the subset's users,
            // friends.csv the accounts they follow. TwiBot-22's "followers" edge u→v says v follows u; "following" u→v says u follows v.
            var followers = Path.Combine(sourceDirectory, subset, "followers.csv");
            if (File.Exists(followers)) ReadFollows(followers, $"{subset}/followers.csv", BotRelation.Followers, dataset, problems, skipped, options);
            var friends = Path.Combine(sourceDirectory, subset, "friends.csv");
            if (File.Exists(friends)) ReadFollows(friends, $"{subset}/friends.csv", BotRelation.Following, dataset, problems, skipped, options);
        }
        StratifiedSplit.Assign(dataset, options.Seed, options.TrainFraction, options.ValidFraction);
        return new ConvertedDataset(dataset, ConversionSummary.Of(dataset, SourceFormat.Cresci2015, sourceDirectory, skipped, report));
    }

    private static void ReadUsers(string root, string subset, BotLabel label, BotDataset dataset, CsvRowProblems problems, ConversionOptions options)
    {
        using var csv = new QuotedCsvReader(Path.Combine(root, subset, "users.csv"), $"{subset}/users.csv");
        int id = csv.Column("id");
        int name = csv.Column("name"), screenName = csv.Column("screen_name");
        int statuses = csv.Column("statuses_count"), followers = csv.Column("followers_count"), friends = csv.Column("friends_count");
        int listed = csv.OptionalColumn("listed_count"), created = csv.Column("created_at");
        int url = csv.OptionalColumn("url"), location = csv.OptionalColumn("location"), description = csv.OptionalColumn("description");
        int image = csv.OptionalColumn("profile_image_url"), isProtected = csv.OptionalColumn("protected"), verified = csv.OptionalColumn("verified");
        var fields = new List<string>();
        int before = dataset.Users.Count;
        while (csv.TryRead(fields))
        {
            if (!problems.CheckFieldCount(csv, fields) || !problems.Id(csv, fields, id, out long userId)
                || !problems.Count(csv, fields, statuses, out var tweetCount) || !problems.Count(csv, fields, followers, out var followersCount)
                || !problems.Count(csv, fields, friends, out var followingCount) || !problems.Count(csv, fields, listed, out var listedCount)
                || !problems.Time(csv, fields, created, out var createdAt)
                || !problems.Flag(csv, fields, isProtected, out bool protectedFlag) || !problems.Flag(csv, fields, verified, out bool verifiedFlag))
                continue;
            if (dataset.Users.Ids.TryGetIndex(userId, out int existing))
            {
                problems.Report(csv, DataProblem.DuplicateId, $"user {userId} is already user row {existing}");
                continue;
            }
            int row = dataset.Users.Add(new UserRow(userId)
            {
                Name = fields[name],
                Username = fields[screenName],
                CreatedAt = createdAt,
                Description = description >= 0 ? fields[description] : null,
                Location = location >= 0 ? ProfileValues.TextOrNull(fields[location]) : null,
                Url = url >= 0 ? ProfileValues.TextOrNull(fields[url]) : null,
                ProfileImageUrl = image >= 0 ? ProfileValues.TextOrNull(fields[image]) : null,
                Protected = protectedFlag,
                Verified = verifiedFlag,
                FollowersCount = followersCount,
                FollowingCount = followingCount,
                TweetCount = tweetCount,
                ListedCount = listedCount,
            });
            dataset.SetLabel(row, label);
        }
        options.Progress?.Invoke($"{csv.File}: {dataset.Users.Count - before} users ({label.ToString().ToLowerInvariant()})");
    }

    private static void ReadTweets(string path, string displayName, BotDataset dataset, CsvRowProblems problems, SkipCounts skipped, ConversionOptions options)
    {
        using var csv = new QuotedCsvReader(path, displayName);
        int id = csv.Column("id"), text = csv.Column("text"), user = csv.Column("user_id");
        int created = csv.OptionalColumn("created_at"), source = csv.OptionalColumn("source");
        int retweets = csv.OptionalColumn("retweet_count"), replies = csv.OptionalColumn("reply_count"), likes = csv.OptionalColumn("favorite_count");
        int hashtags = csv.OptionalColumn("num_hashtags"), urls = csv.OptionalColumn("num_urls"), mentions = csv.OptionalColumn("num_mentions");
        int sensitive = csv.OptionalColumn("possibly_sensitive");
        var posts = dataset.Edges(BotRelation.Post);
        var fields = new List<string>();
        int added = 0;
        while (csv.TryRead(fields))
        {
            if (!problems.CheckFieldCount(csv, fields) || !problems.Id(csv, fields, id, out long tweetId) || !problems.Id(csv, fields, user, out long userId)
                || !problems.Time(csv, fields, created, out var createdAt)
                || !problems.Count(csv, fields, retweets, out var retweetCount) || !problems.Count(csv, fields, replies, out var replyCount)
                || !problems.Count(csv, fields, likes, out var likeCount) || !problems.Count(csv, fields, hashtags, out var hashtagCount)
                || !problems.Count(csv, fields, urls, out var urlCount) || !problems.Count(csv, fields, mentions, out var mentionCount)
                || !problems.Flag(csv, fields, sensitive, out bool sensitiveFlag))
                continue;
            int author = dataset.Users.IndexOf(userId);
            if (author < 0) { skipped.Add(SkippedTweetsOfOtherUsers); continue; }
            if (dataset.Tweets.Ids.TryGetIndex(tweetId, out int existing))
            {
                problems.Report(csv, DataProblem.DuplicateId, $"tweet {tweetId} is already tweet row {existing}");
                continue;
            }
            int row = dataset.Tweets.Add(new TweetRow(tweetId)
            {
                AuthorId = userId,
                Text = fields[text],
                CreatedAt = createdAt,
                Source = source >= 0 ? ProfileValues.TextOrNull(fields[source]) : null,
                RetweetCount = retweetCount,
                ReplyCount = replyCount,
                LikeCount = likeCount,
                HashtagCount = hashtagCount ?? 0,
                UrlCount = urlCount ?? 0,
                MentionCount = mentionCount ?? 0,
                PossiblySensitive = sensitiveFlag,
            });
            posts.Add(author, row);
            if (++added % 1_000_000 == 0) options.Progress?.Invoke($"{displayName}: {added:N0} tweets");
        }
        options.Progress?.Invoke($"{displayName}: {added:N0} tweets");
    }

    private static void ReadFollows(string path, string displayName, BotRelation relation, BotDataset dataset, CsvRowProblems problems, SkipCounts skipped, ConversionOptions options)
    {
        using var csv = new QuotedCsvReader(path, displayName);
        int source = csv.Column("source_id"), target = csv.Column("target_id");
        var edges = dataset.Edges(relation);
        var fields = new List<string>();
        int added = 0;
        while (csv.TryRead(fields))
        {
            if (!problems.CheckFieldCount(csv, fields) || !problems.Id(csv, fields, source, out long follower) || !problems.Id(csv, fields, target, out long followed))
                continue;
            int a = dataset.Users.IndexOf(follower), b = dataset.Users.IndexOf(followed);
            if (a < 0 || b < 0) { skipped.Add(SkippedFollowEdgesOutside); continue; }
            // followers: followed → follower; following: follower → followed.
            if (relation == BotRelation.Followers) edges.Add(b, a);
            else edges.Add(a, b);
            added++;
        }
        options.Progress?.Invoke($"{displayName}: {added:N0} {relation.Name()} edges");
    }
}
