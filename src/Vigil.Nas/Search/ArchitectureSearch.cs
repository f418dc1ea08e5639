using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Core.Metrics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Smoothness;
using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// GraTO's search loop, full batch. Each epoch: one α step (<see cref="Architect"/>) on the architecture nodes'
/// loss, one Adam step of the operation weights on the weight nodes' loss, both losses cross-entropy plus the
/// smoothness term on training nodes; then an evaluation forward scores the supernet on the validation nodes by
/// the harmonic mean of MAD and macro-F1, and the best-scoring epoch's genotype is kept (not the last one's).
/// Only the labels of the weight and architecture nodes are ever copied into tensors; validation labels are read
/// only to score epochs. Deterministic in <see cref="SearchOptions.Seed"/>.
/// </summary>
public static class ArchitectureSearch
{
    public static SearchResult Run(Graph graph, SearchOptions? options = null, IProgress<SearchEpochStats>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SearchOptions();
        options.Validate();
        var trainIdx = Graph.MaskIndices(graph.TrainMask);
        var valIdx = Graph.MaskIndices(graph.ValMask);
        if (trainIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no training nodes.");
        if (valIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no validation nodes to score epochs on.");
        // Every candidate on every edge of every block keeps its output; the α step runs the forward twice more.
        long outputs = (long)options.Network.Blocks * CellTopology.EdgeCount(options.Network.Steps) * (options.Operations.Count + 1) * 2;
        Training.FullBatchLimit.Require(graph.Name, graph.NumNodes, options.Network.Hidden, outputs, options.MaxActivationBytes, "architecture search");

        var split = options.ArchitectureNodes == ArchitectureNodes.HeldOutTraining
            ? SearchSplit.HoldOut(trainIdx, graph.Labels, options.HeldOutFraction, options.Seed)
            : new SearchSplit(trainIdx, valIdx);
        // Under the validation choice the smoothness term of the α loss still samples training nodes only.
        var architectureSmoothnessPool = options.ArchitectureNodes == ArchitectureNodes.HeldOutTraining ? split.ArchitectureNodes : trainIdx;

        // The network, its operations and the smoothness samplers share one seeded generator; the global one is
        // seeded as well for the draws that cannot take a generator (GAT's attention dropout).
        manual_seed(options.Seed);
        using var generator = new Generator((ulong)options.Seed);
        var space = new SearchSpace(options.Operations, options.OperationOptions);
        using var net = new SuperNet(graph.Features.Cols, graph.NumClasses, space, options.Network, generator);
        using var architect = new Architect(net, options.Architect);
        using var optimizer = optim.Adam(net.WeightParameters(), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false);

        using var features = FeatureInput.From(graph.Features);
        var messageGraph = new MessageGraph(graph.Adjacency);
        using var weightTerm = new NodeLoss(split.WeightNodes, graph.Labels, new SmoothnessLoss(split.WeightNodes, graph.Labels, options.Smoothness, generator));
        using var architectureTerm = new NodeLoss(split.ArchitectureNodes, graph.Labels,
            new SmoothnessLoss(architectureSmoothnessPool, graph.Labels, options.Smoothness, generator));
        Tensor WeightLoss() => weightTerm.Compute(net.Run(features, messageGraph));
        Tensor ArchitectureLoss() => architectureTerm.Compute(net.Run(features, messageGraph));

        var madOptions = options.SelectionMad with { Seed = options.Seed };
        var weightParameters = net.WeightParameters().ToArray();
        var history = new List<SearchEpochStats>(options.Epochs);
        SearchEpochStats? best = null;
        float[] bestWeights = [];
        var clock = new Stopwatch();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.Restart();
            double archLoss, trainLoss;
            using (var scope = NewDisposeScope())
            {
                net.train();
                archLoss = architect.Step(WeightLoss, ArchitectureLoss);
                optimizer.zero_grad();
                var loss = WeightLoss();
                loss.backward();
                nn.utils.clip_grad_norm_(weightParameters, options.GradientClip);
                optimizer.step();
                trainLoss = loss.item<float>();
            }
            TorchGarbage.CollectAfterStep();

            double f1, mad;
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                net.eval();
                var (logits, representation) = net.Run(features, messageGraph);
                var predictions = logits.argmax(1).to(ScalarType.Int32).data<int>().ToArray();
                f1 = ClassificationMetrics.MacroF1(graph.Labels, predictions, graph.NumClasses, valIdx);
                mad = MeanAverageDistance.Global(RepresentationMatrix.FromTensor(representation), valIdx, madOptions);
            }
            clock.Stop();

            double score = SelectionScore.HarmonicMean(mad, f1);
            var stats = new SearchEpochStats(epoch, trainLoss, archLoss, f1, mad, score, net.DeriveGenotype(),
                AlphaValues(net), clock.Elapsed.TotalMilliseconds);
            history.Add(stats);
            progress?.Report(stats);
            if (best is null || score > best.Score)
            {
                best = stats;
                bestWeights = net.OperationWeightArray();
            }
        }

        return new SearchResult(best!.Genotype, best.Epoch, best.Score, best.ValidationMacroF1, best.ValidationMad,
            bestWeights, history[^1].Genotype, space.Operations, history);
    }

    private static float[] AlphaValues(SuperNet net)
    {
        using var _ = no_grad();
        return net.Alpha.detach().contiguous().data<float>().ToArray();
    }
}
