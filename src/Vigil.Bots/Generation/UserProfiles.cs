using Vigil.Bots.Data;

namespace Vigil.Bots.Generation;

/// <summary>
/// Draws every user's profile, label and split. Automated bots differ from humans as the bot-detection literature
/// reports (Varol et al. 2017; Yang et al. 2020; Feng et al. 2021): younger accounts, few followers but many followees,
/// a high posting rate, rarely verified or protected, often the default profile image, digit-heavy screen names and
/// promotional bios with links and hashtags. Mimicking bots are drawn exactly like humans.
/// </summary>
internal static class UserProfiles
{
    private const double DaySeconds = 86_400;

    public static void Generate(SyntheticPopulation people, SyntheticText text, ClusterHashtags clusterTags, BotDataset dataset)
    {
        var options = people.Options;
        long collected = options.CollectionDate.ToUnixTimeSeconds();
        long earliest = new DateTimeOffset(2007, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (int u = 0; u < people.Count; u++)
        {
            var rng = new GeneratorRandom(options.Seed, GeneratorStream.Profile, u);
            bool automated = people.LooksLikeBot(u);
            int topic = people.TopicOf(u);

            // Humans joined any time since 2007 (more of them in the early years); automated bots recently.
            double ageDays = automated
                ? 7 + rng.Exponential(420)
                : 30 + Math.Pow(rng.NextDouble(), 0.8) * ((collected - earliest) / DaySeconds - 30);
            ageDays = Math.Min(ageDays, (collected - earliest) / DaySeconds);
            long createdAt = collected - (long)(ageDays * DaySeconds) + rng.Next(86_400);

            bool verified = rng.Chance(automated ? 0.003 : 0.06);
            bool isProtected = rng.Chance(automated ? 0.01 : 0.07);
            bool defaultImage = rng.Chance(automated ? 0.38 : 0.04);
            int followers = (int)Math.Min(50_000_000, automated ? rng.LogNormal(45, 1.3) : rng.LogNormal(verified ? 6_000 : 220, 1.6));
            int following = (int)Math.Min(5_000_000, automated ? rng.LogNormal(1_700, 0.8) : rng.LogNormal(280, 1.1));
            double perDay = automated ? rng.LogNormal(14, 1.0) : rng.LogNormal(0.9, 1.3);
            int tweetCount = (int)Math.Min(int.MaxValue / 2, Math.Max(people.TweetCount[u], perDay * ageDays));
            int listed = (int)(automated ? rng.LogNormal(0.3, 1.0) : rng.LogNormal(2.5, 1.5) * (verified ? 20 : 1));

            var (name, username) = automated ? text.BotName(u, ref rng) : text.HumanName(u, ref rng);
            string? description;
            if (automated)
            {
                var tags = people.Cluster[u] >= 0 ? string.Join(' ', clusterTags.Names[people.Cluster[u]].Take(2).Select(t => "#" + t)) : "";
                description = rng.Chance(0.3) ? "" : text.BotBio(people.Cluster[u] + u % 3, SyntheticText.Link(ref rng), tags, ref rng);
            }
            else description = rng.Chance(0.15) ? "" : text.HumanBio(topic, ref rng);
            string? location = rng.Chance(automated ? 0.2 : 0.6) ? rng.Pick(TextVocabulary.Places) : rng.Chance(0.5) ? "" : null;
            string url = rng.Chance(automated ? 0.55 : 0.25) ? SyntheticText.Link(ref rng) : "";
            string image = defaultImage
                ? TextVocabulary.DefaultProfileImage
                : $"https://pbs.twimg.com/profile_images/{1_000_000_000_000_000_000L + rng.NextLong(400_000_000_000_000_000L)}/{SyntheticText.Link(ref rng)[13..]}_normal.jpg";

            long pinned = -1;
            if (people.TweetCount[u] > 0 && rng.Chance(automated ? 0.12 : 0.2)) pinned = people.TweetStart[u] + rng.Next(people.TweetCount[u]);

            dataset.Users.Add(new UserRow(people.Ids.User(u))
            {
                Name = name,
                Username = username,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(createdAt),
                Description = description,
                Location = location,
                Url = url,
                Verified = verified,
                Protected = isProtected,
                ProfileImageUrl = image,
                FollowersCount = followers,
                FollowingCount = following,
                TweetCount = tweetCount,
                ListedCount = listed,
                PinnedTweetId = pinned >= 0 ? people.Ids.Tweet(pinned) : null,
                Entities = new UserEntityCounts(url.Length > 0 ? 1 : 0, SyntheticText.CountLinks(description), SyntheticText.Count(description, '#'),
                    SyntheticText.Count(description, '@'), 0),
            });
            if (pinned >= 0) dataset.Edges(BotRelation.Pinned).Add(u, (int)pinned);
            dataset.SetLabel(u, people.IsBot[u] ? BotLabel.Bot : BotLabel.Human);
            var split = new GeneratorRandom(options.Seed, GeneratorStream.Splits, u).NextDouble();
            dataset.SetSplit(u, split < options.TrainShare ? DataSplit.Train : split < options.TrainShare + options.ValidShare ? DataSplit.Valid : DataSplit.Test);
        }
    }
}
