using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Full-batch node classification: every epoch is one forward/backward over the whole graph, followed by an
/// evaluation forward. Keeps the parameters of the epoch with the best validation accuracy (ties: lower
/// validation loss) and stops after <see cref="TrainerOptions.Patience"/> epochs without improvement in
/// either. Validation and test labels never enter the loss.
/// </summary>
public sealed class FullBatchTrainer
{
    private readonly TrainerOptions _options;

    public FullBatchTrainer(TrainerOptions options) => _options = options;

    public TrainingOutcome Fit(NodeModel model, Graph graph, IProgress<EpochStats>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var features = FeatureInput.From(graph.Features);
        return Fit(model, features, new MessageGraph(graph.Adjacency), graph.Labels, Graph.MaskIndices(graph.TrainMask),
            Graph.MaskIndices(graph.ValMask), graph.NumClasses, graph.Name, progress, cancellationToken);
    }

    /// <summary>
    /// Trains on explicit inputs: any message graph (e.g. a multi-relational one built with
    /// <see cref="MessageGraph.FromRelations"/>), the label of every node, and the train and validation rows.
    /// </summary>
    public TrainingOutcome Fit(NodeModel model, FeatureInput features, MessageGraph graph, int[] nodeLabels, int[] trainIdx,
        int[] valIdx, int numClasses, string name, IProgress<EpochStats>? progress = null, CancellationToken cancellationToken = default)
    {
        if (trainIdx.Length == 0) throw new ArgumentException($"Graph '{name}' has no training nodes.");
        if (valIdx.Length == 0) throw new ArgumentException($"Graph '{name}' has no validation nodes to select on.");
        if (nodeLabels.Length != features.Rows)
            throw new ArgumentException($"Graph '{name}': {nodeLabels.Length} labels for {features.Rows} feature rows.");

        var blocks = new[] { graph };
        using var labels = tensor(nodeLabels.Select(l => (long)l).ToArray());
        using var trainT = tensor(trainIdx.Select(i => (long)i).ToArray());
        using var valT = tensor(valIdx.Select(i => (long)i).ToArray());
        using var trainY = labels.index_select(0, trainT);
        using var valY = labels.index_select(0, valT);

        using var optimizer = OptimizerFactory.Create(model, _options);
        var history = new List<EpochStats>(_options.Epochs);
        var best = new BestCheckpoint(model, _options);
        var clock = new Stopwatch();

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double trainLoss;
            clock.Restart();
            using (var scope = NewDisposeScope())
            {
                model.train();
                optimizer.zero_grad();
                var logits = model.forward(features, blocks);
                var loss = nn.functional.cross_entropy(logits.index_select(0, trainT), trainY);
                loss.backward();
                optimizer.step();
                trainLoss = loss.item<float>();
            }
            TorchGarbage.CollectAfterStep();
            clock.Stop();
            double stepMs = clock.Elapsed.TotalMilliseconds;

            double valLoss, valAcc;
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                model.eval();
                var logits = model.forward(features, blocks).index_select(0, valT);
                valLoss = nn.functional.cross_entropy(logits, valY).item<float>();
                valAcc = logits.argmax(1).eq(valY).to_type(ScalarType.Float32).mean().item<float>();
            }

            var stats = new EpochStats(epoch, trainLoss, valLoss, valAcc, stepMs);
            history.Add(stats);
            progress?.Report(stats);
            if (best.RecordEpoch(epoch, valAcc, valLoss)) break;
        }

        best.Restore();
        model.eval();
        float[] finalLogits, probabilities;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var output = model.forward(features, blocks);
            finalLogits = output.contiguous().data<float>().ToArray();
            probabilities = nn.functional.softmax(output, 1).contiguous().data<float>().ToArray();
        }
        best.Dispose();
        return new TrainingOutcome(history, best.Epoch, finalLogits, probabilities, numClasses);
    }
}
