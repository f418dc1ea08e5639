using System.Text.Json;
using TorchSharp;
using Vigil.Bots.Benchmark;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
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
/// Graph methods report the MAD of their final user representations on the test users.
/// </summary>
public sealed class NeuralBaseline : IBotDetector
{
    private readonly string _model;
    private readonly ModelOptions _options;
    private readonly TrainerOptions _trainer;
    private readonly UserFeatureBlocks _blocks;
    private readonly UserGraphView _view;
    private readonly bool _branched;

    public NeuralBaseline(string name, string paper, DetectorFamily family, string model, ModelOptions options,
        TrainerOptions trainer, UserFeatureBlocks blocks, UserGraphView view, bool branchedInput = false)
    {
        if (!NodeModels.Names.Contains(model)) throw new ArgumentException($"Unknown model '{model}' for baseline '{name}'.");
        Name = name; Paper = paper; Family = family;
        _model = model; _options = options; _trainer = trainer; _blocks = blocks; _view = view; _branched = branchedInput;
        Config = JsonSerializer.Serialize(new
        {
            paper, model, blocks = blocks.ToString(), graph = view.ToString(), branched = branchedInput,
            layers = options.Layers, hidden = options.Hidden, heads = options.Heads, dropout = options.Dropout,
            epochs = trainer.Epochs, patience = trainer.Patience, lr = trainer.LearningRate, weight_decay = trainer.WeightDecay,
            adamw = trainer.DecoupledWeightDecay, encoder = "hashed",
        });
    }

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
        var trainer = new FullBatchTrainer(_trainer with { Seed = seed });
        var outcome = trainer.Fit(model, features, graph, inputs.Labels, task.Train, task.Valid, 2, task.Dataset.Name,
            cancellationToken: cancellation);
        var botProbability = new double[matrix.Rows];
        for (int u = 0; u < botProbability.Length; u++) botProbability[u] = outcome.Probabilities[u * 2 + 1];
        double mad = RequiresUserEdges ? TestMad(model, features, graph, task.Test, seed) : double.NaN;
        int depth = model.MessagePassingDepth;
        model.Dispose();
        return new FittedNeuralBaseline(botProbability, depth, mad);
    }

    /// <summary>MAD of the test users' final representations (the hidden layer before the classifier where the
    /// model exposes one, otherwise the logits).</summary>
    private static double TestMad(NodeModel model, FeatureInput features, MessageGraph graph, int[] test, int seed)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var h = model is RelationalStackModel relational ? relational.Represent(features, [graph]) : model.forward(features, [graph]);
        var representations = RepresentationMatrix.FromTensor(h);
        return MeanAverageDistance.Global(representations, test, MadOptions.Default with { Seed = seed });
    }

    private sealed class FittedNeuralBaseline(double[] botProbability, int layers, double mad) : IFittedBotDetector, IReportsSmoothness
    {
        public double Threshold => 0.5;
        public int Layers => layers;
        public double Mad => mad;
        public double[] Score(int[] userRows) => userRows.Select(r => botProbability[r]).ToArray();
    }
}
