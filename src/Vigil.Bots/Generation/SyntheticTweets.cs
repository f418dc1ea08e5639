using Vigil.Bots.Data;

namespace Vigil.Bots.Generation;

/// <summary>
/// Generates every tweet in row order (user by user) and the tweet relations that follow from their content:
/// <c>post</c>, <c>mentioned</c>, <c>retweeted</c>, <c>quoted</c>, <c>replied_to</c>, <c>discuss</c>. Each tweet draws from its
/// own random sequence, so the stream can be written straight to disk without keeping tweets. Humans post at any hour
/// of a day-night rhythm, reply to and retweet the people they follow, use few links; automated bots post in bursts,
/// through automation clients, templated promotions with links and campaign hashtags, and retweet their cluster.
/// </summary>
internal sealed class SyntheticTweets(SyntheticPopulation people, FollowGraph follows, SyntheticText text, HashtagVocabulary hashtags,
    ClusterHashtags clusterTags, BotDataset dataset)
{
    private const long DaySeconds = 86_400;
    private const int BurstLength = 6;

    // Share of tweets per hour of day (UTC as local time): quiet at night, busy in the evening.
    private static readonly double[] HourWeights =
        { 2, 1, 1, 0.5, 0.5, 1, 2, 4, 5, 5, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3 };
    private static readonly double[] HourCumulative = Cumulate(HourWeights);

    public void Generate(Action<TweetRow> sink, Action<long>? progress = null)
    {
        var post = dataset.Edges(BotRelation.Post);
        long collected = people.Options.CollectionDate.ToUnixTimeSeconds();
        var createdAt = dataset.Users.CreatedAt;
        for (int u = 0; u < people.Count; u++)
        {
            long first = people.TweetStart[u];
            string lang = text.LanguageOf(u, people.LooksLikeBot(u));
            long windowStart = Math.Max(createdAt[u], collected - 365 * DaySeconds);
            for (int k = 0; k < people.TweetCount[u]; k++)
            {
                long row = first + k;
                sink(Tweet(u, k, row, lang, windowStart, collected));
                post.Add(u, (int)row);
                if ((row & 0xFFFF) == 0) progress?.Invoke(row);
            }
        }
        progress?.Invoke(people.TotalTweets);
    }

    private TweetRow Tweet(int u, int k, long row, string lang, long windowStart, long collected)
    {
        var rng = new GeneratorRandom(people.Options.Seed, GeneratorStream.Tweets, row);
        bool automated = people.LooksLikeBot(u), bot = people.IsBot[u];
        int topic = people.TopicOf(u);
        double r = rng.NextDouble();
        var kind = automated
            ? r < 0.45 ? TweetKind.Original : r < 0.85 ? TweetKind.Retweet : r < 0.95 ? TweetKind.Reply : TweetKind.Quote
            : r < 0.70 ? TweetKind.Original : r < 0.85 ? TweetKind.Retweet : r < 0.93 ? TweetKind.Reply : TweetKind.Quote;
        ReferencedTweet[] references = Array.Empty<ReferencedTweet>();
        string body;
        int target = kind != TweetKind.Original ? Partner(u, bot, ref rng) : -1;
        long targetTweet = target >= 0 ? people.TweetOf(target, ref rng) : -1;
        if (targetTweet == row) targetTweet = -1;
        if (targetTweet < 0) kind = TweetKind.Original;
        switch (kind)
        {
            case TweetKind.Retweet:
                body = $"RT @{dataset.Users.Username.GetString(target)}: {Content(target, people.TopicOf(target), "en", ref rng)}";
                Mention(row, target);
                break;
            case TweetKind.Reply:
                body = $"@{dataset.Users.Username.GetString(target)} {Content(u, topic, lang, ref rng)}";
                Mention(row, target);
                break;
            case TweetKind.Quote:
                body = $"{Content(u, topic, lang, ref rng)} https://twitter.com/{dataset.Users.Username.GetString(target)}/status/{people.Ids.Tweet(targetTweet)}";
                break;
            default:
                body = Content(u, topic, lang, ref rng);
                break;
        }
        if (targetTweet >= 0)
        {
            var (type, relation) = kind switch
            {
                TweetKind.Retweet => (ReferencedTweetType.Retweeted, BotRelation.Retweeted),
                TweetKind.Quote => (ReferencedTweetType.Quoted, BotRelation.Quoted),
                _ => (ReferencedTweetType.RepliedTo, BotRelation.RepliedTo),
            };
            references = new[] { new ReferencedTweet(type, people.Ids.Tweet(targetTweet)) };
            dataset.Edges(relation).Add((int)row, (int)targetTweet);
        }

        // Extras on a human's own words: an occasional hashtag, mention or link.
        if (kind != TweetKind.Retweet && !automated)
        {
            if (rng.Chance(0.15))
            {
                int tag = hashtags.Pick(topic, ref rng);
                body += " #" + hashtags[tag];
            }
            if (rng.Chance(0.12))
            {
                var followees = follows.Followees(u);
                if (followees.Length > 0)
                {
                    int v = followees[rng.Next(followees.Length)];
                    body += " @" + dataset.Users.Username.GetString(v);
                    Mention(row, v);
                }
            }
            if (rng.Chance(0.08)) body += " " + SyntheticText.Link(ref rng);
        }
        else if (automated && kind == TweetKind.Original && rng.Chance(0.15))
        {
            // Spam mentions of the targeted community's stars.
            int v = people.PopularIn(people.ClusterTarget[people.Cluster[u]], ref rng);
            body += " @" + dataset.Users.Username.GetString(v);
            Mention(row, v);
        }
        Discuss(row, body);

        long time = automated ? BurstTime(u, k, windowStart, collected, ref rng) : HumanTime(windowStart, collected, ref rng);
        bool popular = dataset.Users.FollowersCount[u] > 5_000;
        int likes = (int)(automated ? rng.LogNormal(0.3, 1.0) : rng.LogNormal(popular ? 30 : 1.5, 1.6));
        int retweets = (int)(automated ? rng.LogNormal(2, 1.0) : likes * 0.2 * rng.NextDouble());
        return new TweetRow(people.Ids.Tweet(row))
        {
            AuthorId = people.Ids.User(u),
            Text = body,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(time),
            Lang = kind == TweetKind.Retweet ? "en" : lang,
            RetweetCount = retweets,
            ReplyCount = (int)rng.LogNormal(automated ? 0.1 : 0.4, 1.2),
            LikeCount = likes,
            QuoteCount = rng.Chance(0.05) ? 1 + rng.Next(3) : 0,
            ReferencedTweets = references,
            HashtagCount = SyntheticText.Count(body, '#'),
            MentionCount = SyntheticText.Count(body, '@'),
            UrlCount = SyntheticText.CountLinks(body),
            Source = automated ? ClusterClient(people.Cluster[u], ref rng) : PickHumanClient(ref rng),
            PossiblySensitive = rng.Chance(automated ? 0.06 : 0.01),
        };
    }

    // Whom a tweet retweets, quotes or answers: bots (mimics too) mostly their cluster, humans someone they follow.
    private int Partner(int u, bool bot, ref GeneratorRandom rng)
    {
        if (bot && rng.Chance(0.7))
        {
            var mates = people.ClusterMembers[people.Cluster[u]];
            if (mates.Length > 1) return mates[rng.Next(mates.Length)];
        }
        var followees = follows.Followees(u);
        return followees.Length > 0 ? followees[rng.Next(followees.Length)] : people.PopularIn(people.Community[u], ref rng);
    }

    private string Content(int author, int topic, string lang, ref GeneratorRandom rng) =>
        people.LooksLikeBot(author)
            ? text.BotPost(people.Cluster[author], clusterTags.Names[people.Cluster[author]], ref rng)
            : text.HumanSentence(topic, lang, ref rng);

    private void Mention(long row, int user) => dataset.Edges(BotRelation.Mentioned).Add((int)row, user);

    // One discuss edge per distinct hashtag of the text that names a tag of the vocabulary.
    private void Discuss(long row, string body)
    {
        var discuss = dataset.Edges(BotRelation.Discuss);
        Span<int> seen = stackalloc int[8];
        int count = 0;
        for (int at = body.IndexOf('#'); at >= 0 && count < seen.Length; at = body.IndexOf('#', at + 1))
        {
            int end = at + 1;
            while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '_')) end++;
            int tag = hashtags.IndexOf(body.AsSpan(at + 1, end - at - 1));
            if (tag < 0 || seen[..count].Contains(tag)) continue;
            seen[count++] = tag;
            discuss.Add((int)row, tag);
        }
    }

    private static long HumanTime(long windowStart, long collected, ref GeneratorRandom rng)
    {
        long days = Math.Max(1, (collected - windowStart) / DaySeconds);
        long day = windowStart / DaySeconds + rng.NextLong(days);
        int hour = Array.BinarySearch(HourCumulative, rng.NextDouble());
        hour = hour < 0 ? ~hour : hour;
        long time = day * DaySeconds + Math.Min(hour, 23) * 3600L + rng.Next(3600);
        return Math.Clamp(time, windowStart, collected - 1);
    }

    // Automated bots post in bursts of a few tweets a minute apart, at any hour.
    private long BurstTime(int u, int k, long windowStart, long collected, ref GeneratorRandom rng)
    {
        long burstRow = people.TweetStart[u] + k / BurstLength * BurstLength;
        var burst = new GeneratorRandom(people.Options.Seed, GeneratorStream.Bursts, burstRow);
        long start = windowStart + burst.NextLong(Math.Max(1, collected - windowStart));
        return Math.Clamp(start + k % BurstLength * 45L + rng.Next(30), windowStart, collected - 1);
    }

    private static string PickHumanClient(ref GeneratorRandom rng)
    {
        double r = rng.NextDouble();
        var shares = TextVocabulary.HumanClientShares;
        for (int i = 0; i < shares.Length; i++)
        {
            if (r < shares[i]) return TextVocabulary.HumanClients[i];
            r -= shares[i];
        }
        return TextVocabulary.HumanClients[0];
    }

    private string ClusterClient(int cluster, ref GeneratorRandom rng)
    {
        var style = new GeneratorRandom(people.Options.Seed, GeneratorStream.ClusterStyle, -1 - cluster);
        var first = style.Pick(TextVocabulary.BotClients);
        return rng.Chance(0.85) ? first : rng.Pick(TextVocabulary.BotClients);
    }

    private enum TweetKind { Original, Retweet, Reply, Quote }

    private static double[] Cumulate(double[] weights)
    {
        double total = weights.Sum(), sum = 0;
        return weights.Select(w => (sum += w) / total).ToArray();
    }
}
