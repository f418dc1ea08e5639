namespace Vigil.Bots.Generation;

/// <summary>
/// Who is who before anything is written: each user's label, whether a bot mimics humans, the human community or bot
/// cluster it belongs to, and how many tweets it will post (so every tweet's row and id is known in advance).
/// Humans gather in topic communities whose early members are the popular ones; bots come in coordinated clusters
/// that each target one community.
/// </summary>
internal sealed class SyntheticPopulation
{
    public SyntheticPopulation(BotDatasetGeneratorOptions options)
    {
        Options = options;
        Ids = new SyntheticIds(options.Seed);
        int n = options.Users;
        IsBot = new bool[n];
        Mimics = new bool[n];
        Community = new int[n];
        Cluster = new int[n];
        TweetCount = new int[n];
        TweetStart = new long[n + 1];

        // Exactly round(n × share) bots, at random rows.
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var rng = new GeneratorRandom(options.Seed, GeneratorStream.Population, 0);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int bots = Math.Clamp((int)Math.Round(n * options.BotShare), 1, n - 1);
        int communities = Math.Max(4, n / 400);
        int clusters = Math.Max(1, bots / 30);
        var communityMembers = Enumerable.Range(0, communities).Select(_ => new List<int>()).ToArray();
        var clusterMembers = Enumerable.Range(0, clusters).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < n; i++)
        {
            int u = order[i];
            var r = new GeneratorRandom(options.Seed, GeneratorStream.Clusters, u);
            Community[u] = r.Next(communities);
            if (i < bots)
            {
                IsBot[u] = true;
                Mimics[u] = r.Chance(options.Difficulty);
                // Cluster sizes vary: a few large farms and many small groups.
                Cluster[u] = r.Skewed(clusters, 1.6);
                clusterMembers[Cluster[u]].Add(u);
            }
            else
            {
                Cluster[u] = -1;
                communityMembers[Community[u]].Add(u);
            }
        }
        // A cluster targets one community: its bots follow and mention that community's popular humans.
        ClusterTarget = new int[clusters];
        for (int c = 0; c < clusters; c++) ClusterTarget[c] = new GeneratorRandom(options.Seed, GeneratorStream.Clusters, -1 - c).Next(communities);
        foreach (var members in communityMembers) members.Sort();
        foreach (var members in clusterMembers) members.Sort();
        // Popularity within a community follows a seeded shuffle of its members: early = popular.
        for (int c = 0; c < communities; c++) Shuffle(communityMembers[c], new GeneratorRandom(options.Seed, GeneratorStream.Population, 1 + c));
        CommunityMembers = communityMembers.Select(m => m.ToArray()).ToArray();
        ClusterMembers = clusterMembers.Select(m => m.ToArray()).ToArray();
        PopularHumans = BuildPopular(CommunityMembers);
        BotCount = bots;
        PlanTweetCounts();
    }

    public BotDatasetGeneratorOptions Options { get; }
    public SyntheticIds Ids { get; }
    public int Count => IsBot.Length;
    public int BotCount { get; }
    public bool[] IsBot { get; }

    /// <summary>Bots drawn like humans in profile, posting and text (the difficulty knob).</summary>
    public bool[] Mimics { get; }

    /// <summary>Every user's topic community (for a bot: the community it pretends to belong to).</summary>
    public int[] Community { get; }

    /// <summary>The bot cluster of each bot, −1 for humans.</summary>
    public int[] Cluster { get; }
    public int[] ClusterTarget { get; }
    public int[][] CommunityMembers { get; }
    public int[][] ClusterMembers { get; }

    /// <summary>The most popular humans over all communities, most popular first.</summary>
    public int[] PopularHumans { get; }

    public int[] TweetCount { get; }

    /// <summary>User u's tweets are rows TweetStart[u] … TweetStart[u+1]−1.</summary>
    public long[] TweetStart { get; }
    public long TotalTweets => TweetStart[^1];

    /// <summary>A bot that does not mimic humans: its profile and texts look automated.</summary>
    public bool LooksLikeBot(int u) => IsBot[u] && !Mimics[u];

    public int TopicOf(int u) => Community[u] % TextVocabulary.Topics.Length;

    /// <summary>A member of community c, popular ones much likelier.</summary>
    public int PopularIn(int community, ref GeneratorRandom rng)
    {
        var members = CommunityMembers[community];
        return members.Length == 0 ? PopularHumans[rng.Skewed(PopularHumans.Length)] : members[rng.Skewed(members.Length)];
    }

    public int AuthorOf(long tweetRow)
    {
        int index = Array.BinarySearch(TweetStart, tweetRow);
        if (index >= 0)
        {
            // Several users may start at this row when some have no tweets; the author is the last of them.
            while (index + 1 < TweetStart.Length && TweetStart[index + 1] == tweetRow) index++;
            return index;
        }
        return ~index - 1;
    }

    /// <summary>A random tweet row of user u, or −1 when u posted none.</summary>
    public long TweetOf(int u, ref GeneratorRandom rng) => TweetCount[u] == 0 ? -1 : TweetStart[u] + rng.Next(TweetCount[u]);

    // Humans post a heavy-tailed number of tweets; automated bots about twice as many, more evenly. The medians are set
    // so the overall mean is the requested tweets per user.
    private void PlanTweetCounts()
    {
        const double humanSigma = 0.9, botSigma = 0.6, botFactor = 2.0;
        int n = Count;
        double automated = 0;
        for (int u = 0; u < n; u++) if (LooksLikeBot(u)) automated++;
        double share = automated / n;
        double humanMean = Math.Exp(humanSigma * humanSigma / 2), botMean = botFactor * Math.Exp(botSigma * botSigma / 2);
        double median = Options.TweetsPerUser / ((1 - share) * humanMean + share * botMean);
        int cap = (int)Math.Max(5, Options.TweetsPerUser * 20);
        for (int u = 0; u < n; u++)
        {
            var rng = new GeneratorRandom(Options.Seed, GeneratorStream.TweetCounts, u);
            double x = LooksLikeBot(u) ? rng.LogNormal(median * botFactor, botSigma) : rng.LogNormal(median, humanSigma);
            // Stochastic rounding keeps the mean right for small means.
            int count = (int)Math.Floor(x);
            if (rng.NextDouble() < x - count) count++;
            TweetCount[u] = Math.Min(count, cap);
            TweetStart[u + 1] = TweetStart[u] + TweetCount[u];
        }
    }

    private static int[] BuildPopular(int[][] communities)
    {
        // The first 2% of each community (at least one), interleaved so every community has stars.
        var result = new List<int>();
        int depth = communities.Max(m => Math.Max(1, m.Length / 50));
        for (int rank = 0; rank < depth; rank++)
            foreach (var members in communities)
                if (rank < Math.Max(1, members.Length / 50) && rank < members.Length) result.Add(members[rank]);
        return result.ToArray();
    }

    private static void Shuffle(List<int> items, GeneratorRandom rng)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
