using Vigil.Bots.Data;

namespace Vigil.Bots.Generation;

/// <summary>
/// Twitter lists with their <c>own</c>, <c>membership</c>, <c>followed</c> and <c>contain</c> edges. Most lists are curated by a
/// human about its community's topic and hold that community's popular accounts; some are run by a bot cluster, hold
/// the cluster (and a few stars it targets), and are followed by the cluster.
/// </summary>
internal static class SyntheticLists
{
    public static void Generate(SyntheticPopulation people, BotDataset dataset)
    {
        var options = people.Options;
        long collected = options.CollectionDate.ToUnixTimeSeconds();
        var (own, membership, followed, contain) = (dataset.Edges(BotRelation.Own), dataset.Edges(BotRelation.Membership),
            dataset.Edges(BotRelation.Followed), dataset.Edges(BotRelation.Contain));
        var members = new List<int>();
        var followers = new List<int>();
        for (int l = 0; l < options.ListCount; l++)
        {
            var rng = new GeneratorRandom(options.Seed, GeneratorStream.Lists, l);
            members.Clear();
            followers.Clear();
            var (owner, name, description) = rng.Chance(0.15) && BotCurated(people, ref rng, members, followers) is { } bots
                ? bots
                : HumanCurated(people, ref rng, members, followers);
            bool byBots = people.IsBot[owner];
            long ownerCreated = dataset.Users.CreatedAt[owner];
            long created = ownerCreated + rng.NextLong(Math.Max(1, collected - ownerCreated));
            dataset.Lists.Add(new ListRow(people.Ids.List(l))
            {
                Name = name,
                Description = description,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created),
                Private = rng.Chance(0.08),
                FollowerCount = followers.Count + (int)rng.LogNormal(byBots ? 2 : 20, 1.2),
                MemberCount = members.Count,
            });
            own.Add(owner, l);
            foreach (var m in members) membership.Add(m, l);
            foreach (var f in followers) followed.Add(f, l);
            int tweets = Math.Min(20, members.Count * 2);
            for (int i = 0; i < tweets; i++)
            {
                long tweet = people.TweetOf(members[rng.Next(members.Count)], ref rng);
                if (tweet >= 0) contain.Add(l, (int)tweet);
            }
        }
    }

    private static (int Owner, string Name, string Description)? BotCurated(SyntheticPopulation people, ref GeneratorRandom rng, List<int> members, List<int> followers)
    {
        int cluster = rng.Next(people.ClusterMembers.Length);
        var mates = people.ClusterMembers[cluster];
        if (mates.Length == 0) return null;
        int owner = mates[rng.Next(mates.Length)];
        foreach (var m in mates.Take(30)) AddDistinct(members, m);
        for (int i = rng.Next(1, 4); i > 0; i--) AddDistinct(members, people.PopularIn(people.ClusterTarget[cluster], ref rng));
        foreach (var m in mates.Skip(rng.Next(Math.Max(1, mates.Length - 15))).Take(15)) if (m != owner) AddDistinct(followers, m);
        string word = rng.Pick(TextVocabulary.PromoTags);
        return (owner, $"{word} VIP", $"Best {word} accounts 🚀 follow them all #{word}");
    }

    private static (int Owner, string Name, string Description) HumanCurated(SyntheticPopulation people, ref GeneratorRandom rng, List<int> members, List<int> followers)
    {
        int community = rng.Next(people.CommunityMembers.Length);
        var humans = people.CommunityMembers[community];
        int owner = humans.Length > 0 ? humans[rng.Next(humans.Length)] : people.PopularHumans[rng.Next(people.PopularHumans.Length)];
        for (int i = rng.Next(5, 41); i > 0; i--) AddDistinct(members, people.PopularIn(community, ref rng));
        for (int i = rng.Next(2, 21); i > 0; i--)
        {
            int f = humans.Length > 0 ? humans[rng.Next(humans.Length)] : people.PopularIn(community, ref rng);
            if (f != owner) AddDistinct(followers, f);
        }
        var topic = TextVocabulary.Topics[community % TextVocabulary.Topics.Length].Name;
        string name = string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(TextVocabulary.ListNames), topic);
        return (owner, name, rng.Chance(0.4) ? "" : $"people worth reading on {topic}");
    }

    private static void AddDistinct(List<int> list, int user)
    {
        if (!list.Contains(user)) list.Add(user);
    }
}
