namespace Vigil.Bots.Generation;

/// <summary>
/// Who follows whom, as an out-adjacency list (row u's followees are <see cref="Followees"/>(u)). The structure carries
/// the graph signal of the data: humans follow mostly humans of their own community (popular ones most), plus a few
/// stars elsewhere and now and then a bot; bots, mimics included, follow their cluster mates densely and the popular
/// humans of the community their cluster targets. So a bot's neighbourhood is mostly bots whatever its profile says.
/// Automated bots follow more accounts than humans; mimics follow as many as humans (Cresci et al. 2017's social
/// spambots match genuine accounts in such counts), so only the targets give them away.
/// </summary>
internal sealed class FollowGraph
{
    private readonly int[] _start;
    private readonly int[] _targets;

    private FollowGraph(int[] start, int[] targets)
    {
        _start = start;
        _targets = targets;
    }

    public int Count => _targets.Length;

    public ReadOnlySpan<int> Followees(int u) => _targets.AsSpan(_start[u], _start[u + 1] - _start[u]);

    public static FollowGraph Generate(SyntheticPopulation people)
    {
        var options = people.Options;
        int n = people.Count;
        var start = new int[n + 1];
        var targets = new List<int>((int)Math.Min(int.MaxValue / 2, n * options.FollowsPerUser * 1.2));
        Span<int> chosen = stackalloc int[256];
        for (int u = 0; u < n; u++)
        {
            var rng = new GeneratorRandom(options.Seed, GeneratorStream.Follows, u);
            bool bot = people.IsBot[u];
            // How many: automated bots follow more, and more evenly; a mimic follows as many as a human does. Whom: every
            // bot, mimic or not, follows its cluster first, so the count hides a mimic and the targets betray it.
            bool automated = people.LooksLikeBot(u);
            double median = automated ? options.FollowsPerUser * 1.3 : options.FollowsPerUser * 0.75;
            int degree = Math.Clamp((int)Math.Round(rng.LogNormal(median, automated ? 0.5 : 0.8)), 1, chosen.Length);
            int count = 0;
            for (int attempt = 0; attempt < degree * 3 && count < degree; attempt++)
            {
                int v = bot ? BotFollowee(people, u, ref rng) : HumanFollowee(people, u, ref rng);
                if (v == u || chosen[..count].Contains(v)) continue;
                chosen[count++] = v;
            }
            for (int i = 0; i < count; i++) targets.Add(chosen[i]);
            start[u + 1] = targets.Count;
        }
        return new FollowGraph(start, targets.ToArray());
    }

    private static int HumanFollowee(SyntheticPopulation people, int u, ref GeneratorRandom rng)
    {
        double r = rng.NextDouble();
        if (r < 0.82) return people.PopularIn(people.Community[u], ref rng);
        if (r < 0.95) return people.PopularHumans[rng.Skewed(people.PopularHumans.Length, 1.5)];
        // Follow-back: humans sometimes follow a bot that followed them.
        var cluster = people.ClusterMembers[rng.Next(people.ClusterMembers.Length)];
        return cluster.Length > 0 ? cluster[rng.Next(cluster.Length)] : people.PopularIn(people.Community[u], ref rng);
    }

    private static int BotFollowee(SyntheticPopulation people, int u, ref GeneratorRandom rng)
    {
        double r = rng.NextDouble();
        var mates = people.ClusterMembers[people.Cluster[u]];
        if (r < 0.6 && mates.Length > 1) return mates[rng.Next(mates.Length)];
        if (r < 0.9) return people.PopularIn(people.ClusterTarget[people.Cluster[u]], ref rng);
        return rng.Next(people.Count);
    }
}
