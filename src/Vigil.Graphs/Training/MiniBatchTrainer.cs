using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Sampling;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Neighbour-sampled mini-batch node classification (GraphSAGE-style): each step samples per-layer fan-outs
/// around a batch of training nodes, gathers only the features of the sampled input nodes, and trains on the
/// batch's outputs, so memory depends on batch size and fan-outs, not on the graph. Validation uses the same
/// fan-outs with a fixed sampling seed (so epochs are comparable); model selection and early stopping follow
/// <see cref="FullBatchTrainer"/>. Final outputs are computed for every node by sampled inference.
/// </summary>
public sealed class MiniBatchTrainer
{
    private readonly TrainerOptions _options;
    private readonly int[] _fanouts;
    private readonly int _batchSize;

    public MiniBatchTrainer(TrainerOptions options, int[] fanouts, int batchSize)
    {
        if (fanouts.Length == 0) throw new ArgumentException("Mini-batch training needs at least one fan-out.");
        if (batchSize <= 0) throw new ArgumentException($"Batch size must be positive, got {batchSize}.");
        _options = options; _fanouts = fanouts; _batchSize = batchSize;
    }

    /// <summary>Seed of the fixed validation neighbourhoods (offset from the training seed).</summary>
    private int ValidationSeed => _options.Seed + 7919;

    public TrainingOutcome Fit(NodeModel model, Graph graph, IProgress<EpochStats>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var features = FeatureInput.From(graph.Features);
        var sampler = new NeighborSampler(graph.Adjacency, _fanouts, _options.Seed);
        return Fit(model, features, sampler, graph.Labels, Graph.MaskIndices(graph.TrainMask), Graph.MaskIndices(graph.ValMask),
            graph.NumClasses, graph.Name, progress, cancellationToken);
    }

    /// <summary>
    /// Trains on explicit inputs: any block sampler over the nodes (e.g. a <see cref="RelationalNeighborSampler"/>
    /// for relational models; its fan-outs must be this trainer's), the label of every node, and the train and
    /// validation rows. Only the labels of <paramref name="trainIdx"/> enter the loss.
    /// </summary>
    public TrainingOutcome Fit(NodeModel model, FeatureInput features, IBlockSampler sampler, int[] nodeLabels, int[] trainIdx,
        int[] valIdx, int numClasses, string name, IProgress<EpochStats>? progress = null, CancellationToken cancellationToken = default)
    {
        if (model.MessagePassingDepth != _fanouts.Length)
            throw new ArgumentException($"The model has {model.MessagePassingDepth} message-passing layers but {_fanouts.Length} fan-outs were given; give one per layer.");
        if (!sampler.Fanouts.SequenceEqual(_fanouts))
            throw new ArgumentException($"The sampler's fan-outs [{string.Join(", ", sampler.Fanouts)}] differ from the trainer's [{string.Join(", ", _fanouts)}].");
        if (trainIdx.Length == 0) throw new ArgumentException($"Graph '{name}' has no training nodes.");
        if (valIdx.Length == 0) throw new ArgumentException($"Graph '{name}' has no validation nodes to select on.");
        if (nodeLabels.Length != features.Rows || sampler.NodeCount != features.Rows)
            throw new ArgumentException($"Graph '{name}': {nodeLabels.Length} labels and {sampler.NodeCount} sampled nodes for {features.Rows} feature rows.");

        using var labels = tensor(nodeLabels.Select(l => (long)l).ToArray());
        var loader = new NodeBatchLoader(sampler, trainIdx, _batchSize, _options.Seed);

        using var optimizer = OptimizerFactory.Create(model, _options);
        var history = new List<EpochStats>(_options.Epochs);
        var best = new BestCheckpoint(model, _options);
        var clock = new Stopwatch();

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            model.train();
            double lossSum = 0; int seen = 0;
            clock.Restart();
            foreach (var batch in loader.Epoch(epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var scope = NewDisposeScope())
                {
                    using var input = FeatureRows.Gather(features, batch.InputNodes);
                    optimizer.zero_grad();
                    var logits = model.forward(input, batch.Blocks);
                    var y = labels.index_select(0, Indices(batch.OutputNodes));
                    var loss = nn.functional.cross_entropy(logits, y);
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>() * batch.OutputNodes.Length;
                }
                TorchGarbage.CollectAfterStep();
                seen += batch.OutputNodes.Length;
            }
            clock.Stop();
            double stepMs = clock.Elapsed.TotalMilliseconds;

            double valLoss, valAcc;
            using (var scope = NewDisposeScope())
            {
                var valLogits = SampledInference.Logits(model, features, sampler, valIdx, _batchSize, ValidationSeed);
                var y = labels.index_select(0, Indices(valIdx));
                valLoss = nn.functional.cross_entropy(valLogits, y).item<float>();
                valAcc = valLogits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
            }

            var stats = new EpochStats(epoch, lossSum / Math.Max(1, seen), valLoss, valAcc, stepMs);
            history.Add(stats);
            progress?.Report(stats);
            if (best.RecordEpoch(epoch, valAcc, valLoss)) break;
        }

        best.Restore();
        var all = Enumerable.Range(0, features.Rows).ToArray();
        float[] logitsArr, probArr;
        using (var scope = NewDisposeScope())
        {
            var allLogits = SampledInference.Logits(model, features, sampler, all, _batchSize, _options.Seed + 104729);
            logitsArr = allLogits.contiguous().data<float>().ToArray();
            probArr = nn.functional.softmax(allLogits, 1).contiguous().data<float>().ToArray();
        }
        best.Dispose();
        return new TrainingOutcome(history, best.Epoch, logitsArr, probArr, numClasses);
    }

    private static Tensor Indices(int[] ids)
    {
        var l = new long[ids.Length];
        for (int i = 0; i < ids.Length; i++) l[i] = ids[i];
        return tensor(l);
    }
}
