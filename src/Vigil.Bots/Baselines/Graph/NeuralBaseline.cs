using System.Text.Json;
using TorchSharp;
using Vigil.Bots.Benchmark;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Sampling;
using Vigil.Graphs.Smoothness;
using Vigil.Graphs.Training;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>How a neural baseline sees the follow graph.</summary>
public enum UserGraphView
{
    /// <summary>No edges (text and profile MLPs).</summary>
    None,
    /// <summary>All follow edges as one symmetric relation (GCN, GAT).</summary>
    Union,
    /// <summary>Each follow relation separately (BotRGCN, RGT, Simple-HGN, HGT).</summary>
    Relational,
}

/// <summary>
/// A neural baseline of the graph or text family: a <see cref="NodeModels"/> model over the BotRGCN feature blocks
/// and (for graph methods) the follow graph, trained full batch on the train users, selected on the valid users by
/// validation accuracy with patience, scored on the test users by the softmax bot probability (threshold 0.5).
/// Graph methods report the MAD of their final user representations on the test users. On a dataset with more
/// users than <see cref="NeighborSampling.AboveUsers"/> graph methods train on neighbour-sampled mini-batches
/// instead (<see cref="MiniBatchTrainer"/>; relational models through <see cref="RelationalNeighborSampler"/>), and
/// validation, scoring and MAD use sampled inference as well.
/// </summary>
public sealed class NeuralBaseline : IBotDetector
{
    private readonly string _model;
    private readonly ModelOptions _options;
    private readonly TrainerOptions _trainer;
    private readonly UserFeatureBlocks _blocks;
    private readonly UserGraphView _view;
    private readonly bool _branched;
    private readonly NeighborSampling _sampling;

    public NeuralBaseline(string name, string paper, DetectorFamily family, string model, ModelOptions options,
        TrainerOptions trainer, UserFeatureBlocks blocks, UserGraphView view, bool branchedInput = false,
        NeighborSampling? sampling = null)
    {
        if (!NodeModels.Names.Contains(model)) throw new ArgumentException($"Unknown model '{model}' for baseline '{name}'.");
        sampling ??= NeighborSampling.Default;
        sampling.Validate();
        Name = name; Paper = paper; Family = family;
        _model = model; _options = options; _trainer = trainer; _blocks = blocks; _view = view; _branched = branchedInput; _sampling = sampling;
        Config = JsonSerializer.Serialize(new
        {
            paper, model, blocks = blocks.ToString(), graph = view.ToString(), branched = branchedInput,
            layers = options.Layers, hidden = options.Hidden, heads = options.Heads, dropout = options.Dropout,
            epochs = trainer.Epochs, patience = trainer.Patience, lr = trainer.LearningRate, weight_decay = trainer.WeightDecay,
            adamw = trainer.DecoupledWeightDecay, encoder = "hashed",
            sampling = view == UserGraphView.None ? null : new { above_users = sampling.AboveUsers, fanout = sampling.Fanout, batch = sampling.BatchSize },
        });
    }

    /// <summary>The same baseline with another neighbour-sampling setting (e.g. <c>vigil bench --sample-above</c>).</summary>
    public NeuralBaseline WithSampling(NeighborSampling sampling) =>
        new(Name, Paper, Family, _model, _options, _trainer, _blocks, _view, _branched, sampling);

    public NeighborSampling Sampling => _sampling;

    public string Name { get; }
    public string Paper { get; }
    public DetectorFamily Family { get; }
    public bool RequiresUserEdges => _view != UserGraphView.None;
    public string Config { get; }

    public string? Unsupported(BotDetectionTask task)
    {
        if (RequiresUserEdges && !task.HasUserEdges) return "the dataset has no user–user edges";
        if (task.Valid.Length == 0) return "the dataset has no validation users to select on";
        return null;
    }

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        var inputs = UserGraphInputs.Of(task);
        var (matrix, widths) = inputs.Blocks(_blocks);
        var graph = _view == UserGraphView.Relational ? inputs.Relational : inputs.Union;
        int relations = graph.Relations?.Count ?? 1;
        var options = _options with
        {
            Seed = seed,
            NumRelations = _view == UserGraphView.Relational ? relations : 1,
            InputBranches = _branched ? widths : null,
        };
        manual_seed(seed);
        var model = NodeModels.Create(_model, matrix.Cols, 2, options);
        using var features = FeatureInput.From(matrix);
        var trainerOptions = _trainer with { Seed = seed };
        int depth = model.MessagePassingDepth;
        var sampler = RequiresUserEdges && _sampling.Applies(matrix.Rows) ? CreateSampler(graph, _sampling.Fanouts(depth), seed) : null;
        var outcome = sampler is null
            ? new FullBatchTrainer(trainerOptions).Fit(model, features, graph, inputs.Labels, task.Train, task.Valid, 2,
                task.Dataset.Name, cancellationToken: cancellation)
            : new MiniBatchTrainer(trainerOptions, _sampling.Fanouts(depth), _sampling.BatchSize).Fit(model, features, sampler,
                inputs.Labels, task.Train, task.Valid, 2, task.Dataset.Name, cancellationToken: cancellation);
        var botProbability = new double[matrix.Rows];
        for (int u = 0; u < botProbability.Length; u++) botProbability[u] = outcome.Probabilities[u * 2 + 1];
        double mad = !RequiresUserEdges ? double.NaN
            : sampler is null ? TestMad(model, features, graph, task.Test, seed)
            : SampledTestMad(model, features, sampler, task.Test, seed);
        model.Dispose();
        return new FittedNeuralBaseline(botProbability, depth, mad, sampler is not null, outcome.EpochsRun, outcome.MedianStepMilliseconds);
    }

    /// <summary>Relational models sample every relation's edges (split back per relation); the others the union.</summary>
    private IBlockSampler CreateSampler(MessageGraph graph, int[] fanouts, int seed) => _view == UserGraphView.Relational
        ? new RelationalNeighborSampler(graph.Relations?.Select(r => r.Adjacency).ToList() ?? [graph.Adjacency], fanouts, seed)
        : new NeighborSampler(graph.Adjacency, fanouts, seed);

    /// <summary>MAD of the test users' final representations (the hidden layer before the classifier where the
    /// model exposes one, otherwise the logits).</summary>
    private static double TestMad(NodeModel model, FeatureInput features, MessageGraph graph, int[] test, int seed)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var h = Representation(model, features, [graph]);
        var representations = RepresentationMatrix.FromTensor(h);
        return MeanAverageDistance.Global(representations, test, MadOptions.Default with { Seed = seed });
    }

    /// <summary>The same MAD with the test users' representations from sampled inference (rows in test order).</summary>
    private double SampledTestMad(NodeModel model, FeatureInput features, IBlockSampler sampler, int[] test, int seed)
    {
        using var scope = NewDisposeScope();
        var h = SampledInference.Run(model, features, sampler, test, _sampling.BatchSize, seed + 15485863,
            (x, blocks) => Representation(model, x, blocks));
        return MeanAverageDistance.Global(RepresentationMatrix.FromTensor(h), options: MadOptions.Default with { Seed = seed });
    }

    private static Tensor Representation(NodeModel model, FeatureInput x, IReadOnlyList<MessageGraph> blocks) =>
        model is RelationalStackModel relational ? relational.Represent(x, blocks) : model.forward(x, blocks);
}
