using Vigil.Bots.Baselines.Features;
using Vigil.Bots.Baselines.Graph;
using Vigil.Bots.Baselines.Text;
using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines;

/// <summary>
/// Every baseline Vigil ships, by leaderboard name. The default sweep runs them all; each is skipped with a reason
/// on datasets that lack its inputs. Text and graph baselines join this list as they are written.
/// </summary>
public static class BaselineCatalog
{
    private static readonly Func<IBotDetector>[] Factories =
    [
        Lee.Create, SgBot.Create, Varol.Create, Kudugunta.Create, Abreu.Create, Kantepe.Create, Knauth.Create,
        Efthimion.Create, Lobo.Create, Santos.Create, NameBot.Create, DeeProBot.Create, Moghaddam.Create,
        NeuralBaselines.Roberta, Wei.Create,
        NeuralBaselines.Gcn, NeuralBaselines.Gat, NeuralBaselines.Alhosseini, NeuralBaselines.BotRgcn, NeuralBaselines.Rgt,
        NeuralBaselines.SimpleHgn, NeuralBaselines.Hgt, () => new GraToBaseline(),
    ];

    /// <summary>A fresh instance of every baseline, in leaderboard-listing order.</summary>
    public static IReadOnlyList<IBotDetector> All() => Factories.Select(f => f()).ToList();

    public static IEnumerable<string> Names => All().Select(d => d.Name);

    /// <summary>
    /// The baselines named in <paramref name="names"/> (case-insensitive, in the order given); an unknown name throws,
    /// listing the known ones.
    /// </summary>
    public static IReadOnlyList<IBotDetector> Select(IEnumerable<string> names)
    {
        var all = All();
        var chosen = new List<IBotDetector>();
        foreach (var name in names)
        {
            var detector = all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", all.Select(d => d.Name))}.");
            if (!chosen.Contains(detector)) chosen.Add(detector);
        }
        return chosen;
    }
}
