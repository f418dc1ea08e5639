using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Nn.Norm;
using Vigil.Graphs.Training;

namespace Vigil.Nas.Sweeps;

/// <summary>
/// One model of the depth sweep: a display name and how to train it at a given depth. Baselines go through
/// <see cref="NodeClassificationExperiment"/>; the searched genotype (<see cref="IsGenotype"/>) through the GraTO
/// retraining. Depth means message-passing layers, APPNP's propagation steps K, and the genotype's blocks.
/// </summary>
public sealed record DepthSweepModel(string Key, string Name, Func<int, ExperimentOptions>? Baseline)
{
    public bool IsGenotype => Baseline is null;

    /// <summary>The searched genotype's key.</summary>
    public const string GraTo = "grato";

    /// <summary>
    /// The issue's comparison set. Layer stacks use 64 hidden units (GAT: 8 heads × 8) so width does not differ from
    /// GCNII's and the genotype's; optimisation follows <see cref="PlanetoidRecipes"/> where the model has one.
    /// </summary>
    public static IReadOnlyList<DepthSweepModel> All { get; } =
    [
        new("gcn", "GCN", depth => Stack("gcn", new ModelOptions { Layers = depth, Hidden = 64 })),
        new("gat", "GAT", depth => Stack("gat", new ModelOptions { Layers = depth }, learningRate: 0.005)),
        new("gcn-dropedge", "GCN+DropEdge", depth => Stack("gcn", new ModelOptions { Layers = depth, Hidden = 64, DropEdge = 0.3 })),
        new("gcn-pairnorm", "GCN+PairNorm", depth => Stack("gcn", new ModelOptions { Layers = depth, Hidden = 64, PairNorm = PairNormMode.PNSI })),
        new("gcnii", "GCNII", depth => new ExperimentOptions
        {
            Model = "gcnii",
            ModelOptions = new ModelOptions { Layers = depth },
            Trainer = new TrainerOptions
            {
                Epochs = 1500, LearningRate = 0.01, WeightDecay = 0.01, DenseWeightDecay = 5e-4, Patience = 100,
                Selection = ModelSelection.ValidationLoss,
            },
        }),
        new("appnp", "APPNP", depth => new ExperimentOptions
        {
            Model = "appnp",
            ModelOptions = new ModelOptions { K = depth },
            Trainer = new TrainerOptions { Epochs = 1000, LearningRate = 0.01, WeightDecay = 5e-4, Patience = 100 },
        }),
        new(GraTo, "GraTO (searched)", null),
    ];

    public static IReadOnlyList<string> Keys => All.Select(m => m.Key).ToArray();

    public static DepthSweepModel Find(string key) => All.FirstOrDefault(m => m.Key == key)
        ?? throw new ArgumentException($"Unknown depth-sweep model '{key}'; known: {string.Join(", ", Keys)}.");

    private static ExperimentOptions Stack(string model, ModelOptions options, double learningRate = 0.01) => new()
    {
        Model = model,
        ModelOptions = options,
        Trainer = new TrainerOptions { Epochs = 400, LearningRate = learningRate, WeightDecay = 5e-4, Patience = 100 },
    };
}
