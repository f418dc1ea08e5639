using System.Text.Json;
using Vigil.Bots.Benchmark;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Smoothness;
using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Search;
using Vigil.Nas.Training;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>
/// GraTO (Feng et al., CIKM 2022) as a bot detector: a DARTS search (<see cref="ArchitectureSearch"/>) over the
/// symmetric follow graph with the BotRGCN feature blocks as input, α trained on a class-stratified half of the
/// train users and the operation weights on the other half, epochs scored on the valid users; the best epoch's
/// genotype is then retrained from scratch with the run's seed (<see cref="GenotypeTrainer"/>, weights on all train
/// users, selection on valid) and scores the users by its softmax bot probability. The graph handed to the search
/// holds only the train and valid users' labels (every other user is −1), so test labels cannot reach the search or
/// the retraining.
/// <para>
/// As in the paper, the architecture is searched once per dataset (with search seed <see cref="SearchSeed"/>, cached
/// on the task, so the first run of a sweep pays for it) and each seed retrains it: a fit still depends only on the
/// task and its seed. A short search (one block, 10 epochs, hidden 32) keeps the default sweep within its budget. Full batch
/// only: a dataset whose search would exceed <see cref="FullBatchLimit"/> is declined with the numbers.
/// </para>
/// </summary>
public sealed class GraToBaseline : IBotDetector
{
    private readonly SearchOptions _search;
    private readonly GenotypeTrainingOptions _retraining;

    public GraToBaseline(SearchOptions? search = null, GenotypeTrainingOptions? retraining = null)
    {
        _search = search ?? DefaultSearch;
        _retraining = retraining ?? DefaultRetraining;
        Config = JsonSerializer.Serialize(new
        {
            paper = Paper, blocks = UserFeatureBlocks.All.ToString(), graph = UserGraphView.Union.ToString(), encoder = "hashed",
            search = new
            {
                seed = SearchSeed, epochs = _search.Epochs, architecture_lr = _search.Architect.LearningRate, operations = _search.Operations, cell_blocks = _search.Network.Blocks, steps = _search.Network.Steps,
                hidden = _search.Network.Hidden, input_dropout = _search.Network.InputDropout, op_dropout = _search.OperationOptions.Dropout,
                lr = _search.LearningRate, weight_decay = _search.WeightDecay, smoothness = _search.Smoothness.Weight,
                architecture_nodes = _search.ArchitectureNodes.ToString(), held_out = _search.HeldOutFraction,
            },
            retraining = new
            {
                blocks = _retraining.Network.Blocks, hidden = _retraining.Network.Hidden, epochs = _retraining.Epochs,
                patience = _retraining.Patience, lr = _retraining.LearningRate, weight_decay = _retraining.WeightDecay,
                smoothness = _retraining.Smoothness.Weight, input_dropout = _retraining.Network.InputDropout,
                output_dropout = _retraining.Network.OutputDropout, op_dropout = _retraining.Network.Operations.Dropout,
            },
        });
    }

    public const string Paper = "Feng et al. 2022, GraTO: Graph neural network framework tackling over-smoothing with neural architecture search (CIKM)";

    /// <summary>The seed of the one search per dataset (the retraining takes the run's seed).</summary>
    public const int SearchSeed = 0;

    /// <summary>
    /// GraTO's search space and cell (3 nodes) at a budget a CPU sweep affords: a one-block supernet (the blocks
    /// share one α, so the derived cell is of the same kind; one block halves the cost of every candidate), 10
    /// epochs, hidden 32, first-order α; input dropout 0.5 and operation dropout 0.2 as <c>vigil nas search</c> runs
    /// on Cora. α's Adam step is about 33 × DARTS's 3e-4, which is meant for hundreds of epochs: at 3e-4, 10 steps
    /// leave α near uniform and the derived cell near chance. (With 2 blocks and 15 epochs the first run of a
    /// sweep took 474 s on the loaded 2-core machine.)
    /// </summary>
    public static SearchOptions DefaultSearch { get; } = new()
    {
        Epochs = 10,
        Network = new SuperNetOptions { Blocks = 1, Steps = 3, Hidden = 32, InputDropout = 0.5 },
        OperationOptions = new Vigil.Nas.Operations.OperationOptions { Dropout = 0.2 },
        LearningRate = 0.01,
        Architect = new ArchitectOptions { LearningRate = 1e-2 },
    };

    /// <summary>
    /// Retraining of 2 blocks for at most 25 epochs with patience 8 and GraTO's smoothness term 0.1: a searched
    /// cell of attention operations costs several times a GCN layer per epoch (at 40 epochs a retraining took
    /// 65–73 s on the loaded machine where GAT took 21–41 s).
    /// </summary>
    public static GenotypeTrainingOptions DefaultRetraining { get; } = new()
    {
        Network = new GenotypeNetworkOptions
        {
            Blocks = 2, Hidden = 32, InputDropout = 0.5, OutputDropout = 0.5,
            Operations = new Vigil.Nas.Operations.OperationOptions { Dropout = 0.2 },
        },
        Epochs = 25, Patience = 8, LearningRate = 0.01,
    };

    public string Name => "GraTO";
    public DetectorFamily Family => DetectorFamily.Graph;
    public bool RequiresUserEdges => true;
    public string Config { get; }

    public string? Unsupported(BotDetectionTask task)
    {
        if (!task.HasUserEdges) return "the dataset has no user–user edges";
        if (task.Valid.Length == 0) return "the dataset has no validation users to select on";
        int users = task.Dataset.Users.Count;
        long outputs = (long)_search.Network.Blocks * CellTopology.EdgeCount(_search.Network.Steps) * (_search.Operations.Count + 1) * 2;
        long bytes = FullBatchLimit.Estimate(users, _search.Network.Hidden, outputs);
        if (bytes > _search.MaxActivationBytes)
            return $"its full-batch search over {users:N0} users needs about {bytes / (double)(1L << 30):F1} GiB of activations " +
                   $"(limit {_search.MaxActivationBytes / (double)(1L << 30):F1} GiB); GraTO's cells do not train on sampled blocks";
        return null;
    }

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        var (graph, search) = Searched(task, cancellation);
        var (network, retrained) = GenotypeTrainer.Fit(graph, search.BestGenotype, seed, _retraining, cancellationToken: cancellation);
        using (network)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            network.eval();
            using var features = FeatureInput.From(graph.Features);
            var (logits, hidden) = network.Run(features, new MessageGraph(graph.Adjacency));
            var probability = nn.functional.softmax(logits, 1).contiguous().data<float>().ToArray();
            var botProbability = new double[graph.NumNodes];
            for (int u = 0; u < botProbability.Length; u++) botProbability[u] = probability[u * 2 + 1];
            // As for the other graph methods: the hidden layer before the classifier, over the test users.
            double mad = MeanAverageDistance.Global(RepresentationMatrix.FromTensor(hidden), task.Test, MadOptions.Default with { Seed = seed });
            return new FittedGraTo(botProbability, network.MessagePassingDepth, mad, search.BestGenotype, search.BestEpoch,
                retrained.BestEpoch, retrained.EpochsRun);
        }
    }

    /// <summary>This dataset's search graph and the search under this configuration, run on first use.</summary>
    private (Vigil.Graphs.Data.Graph Graph, SearchResult Search) Searched(BotDetectionTask task, CancellationToken cancellation)
    {
        var searches = task.Cache(_ => new SearchesOfTask());
        lock (searches)
        {
            if (searches.ByConfig.TryGetValue(Config, out var done)) return done;
            var graph = SearchGraph(task);
            var search = ArchitectureSearch.Run(graph, _search with { Seed = SearchSeed }, cancellationToken: cancellation);
            searches.ByConfig[Config] = (graph, search);
            return (graph, search);
        }
    }

    /// <summary>The searches made on one task, by GraTO configuration.</summary>
    private sealed class SearchesOfTask
    {
        public Dictionary<string, (Vigil.Graphs.Data.Graph, SearchResult)> ByConfig { get; } = new();
    }

    /// <summary>
    /// The union follow graph with every feature block, the labels of the train and valid users only (−1 elsewhere),
    /// train and valid masks. The Nas trainers report on a test mask, so it repeats the valid users: the real test
    /// users are in no mask and carry no label.
    /// </summary>
    internal static Vigil.Graphs.Data.Graph SearchGraph(BotDetectionTask task)
    {
        var inputs = UserGraphInputs.Of(task);
        var (matrix, _) = inputs.Blocks(UserFeatureBlocks.All);
        int users = matrix.Rows;
        var labels = new int[users];
        Array.Fill(labels, -1);
        var train = new bool[users];
        var valid = new bool[users];
        foreach (var u in task.Train) { train[u] = true; labels[u] = task.IsBot[u] ? 1 : 0; }
        foreach (var u in task.Valid) { valid[u] = true; labels[u] = task.IsBot[u] ? 1 : 0; }
        return new Vigil.Graphs.Data.Graph(task.Dataset.Name, inputs.Union.Adjacency, matrix, labels, train, valid, (bool[])valid.Clone(), numClasses: 2);
    }
}
