using System.Diagnostics;
using TorchSharp;
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

    public TrainingOutcome Fit(NodeModel model, Graph graph, IProgress<EpochStats>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (model.MessagePassingDepth != _fanouts.Length)
            throw new ArgumentException($"The model has {model.MessagePassingDepth} message-passing layers but {_fanouts.Length} fan-outs were given; give one per layer.");
        var trainIdx = Graph.MaskIndices(graph.TrainMask);
        var valIdx = Graph.MaskIndices(graph.ValMask);
        if (trainIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no training nodes.");
        if (valIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no validation nodes to select on.");

        using var features = FeatureInput.From(graph.Features);
        using var labels = tensor(graph.Labels.Select(l => (long)l).ToArray());
        var trainSampler = new NeighborSampler(graph.Adjacency, _fanouts, _options.Seed);
        var loader = new NodeBatchLoader(trainSampler, trainIdx, _batchSize, _options.Seed);

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
                using var scope = NewDisposeScope();
                using var input = FeatureRows.Gather(features, batch.InputNodes);
                optimizer.zero_grad();
                var logits = model.forward(input, batch.Blocks);
                var y = labels.index_select(0, Indices(batch.OutputNodes));
                var loss = nn.functional.cross_entropy(logits, y);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * batch.OutputNodes.Length;
                seen += batch.OutputNodes.Length;
            }
            clock.Stop();
            double stepMs = clock.Elapsed.TotalMilliseconds;

            var (valLogits, _) = Infer(model, graph, features, valIdx, seed: _options.Seed + 7919);
            double valLoss, valAcc;
            using (var scope = NewDisposeScope())
            {
                var y = labels.index_select(0, Indices(valIdx));
                valLoss = nn.functional.cross_entropy(valLogits, y).item<float>();
                valAcc = valLogits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
            }
            valLogits.Dispose();

            var stats = new EpochStats(epoch, lossSum / Math.Max(1, seen), valLoss, valAcc, stepMs);
            history.Add(stats);
            progress?.Report(stats);
            if (best.RecordEpoch(epoch, valAcc, valLoss)) break;
        }

        best.Restore();
        var all = Enumerable.Range(0, graph.NumNodes).ToArray();
        var (allLogits, allProbabilities) = Infer(model, graph, features, all, seed: _options.Seed + 104729);
        float[] logitsArr = allLogits.contiguous().data<float>().ToArray();
        float[] probArr = allProbabilities.contiguous().data<float>().ToArray();
        allLogits.Dispose(); allProbabilities.Dispose();
        best.Dispose();
        return new TrainingOutcome(history, best.Epoch, logitsArr, probArr, graph.NumClasses);
    }

    /// <summary>Logits and probabilities for <paramref name="nodes"/>, in order, by sampled inference.</summary>
    private (Tensor Logits, Tensor Probabilities) Infer(NodeModel model, Graph graph, FeatureInput features, int[] nodes, int seed)
    {
        model.eval();
        var sampler = new NeighborSampler(graph.Adjacency, _fanouts, seed);
        var outputs = new List<Tensor>();
        using (no_grad())
        {
            int inferenceBatch = Math.Max(_batchSize, 4096);
            for (int start = 0; start < nodes.Length; start += inferenceBatch)
            {
                using var scope = NewDisposeScope();
                var batch = sampler.Sample(nodes.AsSpan(start, Math.Min(inferenceBatch, nodes.Length - start)));
                using var input = FeatureRows.Gather(features, batch.InputNodes);
                outputs.Add(model.forward(input, batch.Blocks).MoveToOuterDisposeScope());
            }
        }
        var logits = cat(outputs, 0);
        foreach (var o in outputs) o.Dispose();
        return (logits, nn.functional.softmax(logits, 1));
    }

    private static Tensor Indices(int[] ids)
    {
        var l = new long[ids.Length];
        for (int i = 0; i < ids.Length; i++) l[i] = ids[i];
        return tensor(l);
    }
}
