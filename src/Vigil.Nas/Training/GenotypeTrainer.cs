using System.Diagnostics;
using TorchSharp;
using Vigil.Core;
using Vigil.Core.Metrics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Smoothness;
using Vigil.Graphs.Training;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;
using static TorchSharp.torch;

namespace Vigil.Nas.Training;

/// <summary>
/// Retrains a genotype from scratch, full batch, as GraTO does: the loss is cross-entropy on the training nodes plus
/// the smoothness term sampled from training nodes only; every epoch scores the network on the validation nodes by
/// the harmonic mean of their MAD (of the last block's output by default, as the search scores) and their macro-F1
/// (or macro-F1 alone with <see cref="SelectionRepresentation.None"/>), and the best-scoring epoch (ties: lower
/// validation loss) is the one restored and reported. Stops after <see cref="GenotypeTrainingOptions.Patience"/>
/// epochs in which neither the score nor the validation loss improved. Deterministic in the seed.
/// </summary>
public static class GenotypeTrainer
{
    /// <summary>Full-batch operation outputs of a genotype network: every kept edge of every block.</summary>
    public static long OperationOutputs(Genotype genotype, int blocks) => (long)blocks * genotype.Nodes.Sum(n => n.Count + 1) + 2;

    /// <summary>Trains a fresh network and returns it (restored to the selected epoch) with its evaluation.</summary>
    public static (GenotypeNetwork Network, GenotypeTrainingResult Result) Fit(Graph graph, Genotype genotype, int seed,
        GenotypeTrainingOptions? options = null, IProgress<GenotypeEpochStats>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenotypeTrainingOptions();
        options.Validate();
        FullBatchLimit.Require(graph.Name, graph.NumNodes, options.Network.Hidden, OperationOutputs(genotype, options.Network.Blocks),
            options.MaxActivationBytes, "genotype network");
        var clock = Stopwatch.StartNew();
        manual_seed(seed);
        // Owned by the network from here on: its random operations draw from it for as long as it trains.
        var generator = new Generator((ulong)seed);
        var network = new GenotypeNetwork(genotype, graph.Features.Cols, graph.NumClasses, options.Network, generator);
        try
        {
            var result = Train(network, graph, seed, options, generator, progress, cancellationToken);
            return (network, result with { Seconds = clock.Elapsed.TotalSeconds });
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static GenotypeTrainingResult Train(GenotypeNetwork network, Graph graph, int seed, GenotypeTrainingOptions options,
        Generator generator, IProgress<GenotypeEpochStats>? progress, CancellationToken cancellationToken)
    {
        var trainIdx = Graph.MaskIndices(graph.TrainMask);
        var valIdx = Graph.MaskIndices(graph.ValMask);
        if (trainIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no training nodes.");
        if (valIdx.Length == 0) throw new ArgumentException($"Graph '{graph.Name}' has no validation nodes to select on.");

        using var features = FeatureInput.From(graph.Features);
        var messageGraph = new MessageGraph(graph.Adjacency);
        using var loss = new NodeLoss(trainIdx, graph.Labels, new SmoothnessLoss(trainIdx, graph.Labels, options.Smoothness, generator));
        using var valT = tensor(valIdx.Select(i => (long)i).ToArray());
        using var valY = tensor(valIdx.Select(i => (long)graph.Labels[i]).ToArray());
        using var optimizer = OptimizerFactory.Create(network, options.LearningRate, options.WeightDecay, options.DenseWeightDecay);
        using var best = new ParameterSnapshot(network);
        var madOptions = options.SelectionMad with { Seed = seed };

        var history = new List<GenotypeEpochStats>();
        double bestScore = double.NegativeInfinity, bestLoss = double.PositiveInfinity, lowestLoss = double.PositiveInfinity;
        int bestEpoch = 0, stale = 0;
        var clock = new Stopwatch();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.Restart();
            double trainLoss;
            using (var scope = NewDisposeScope())
            {
                network.train();
                optimizer.zero_grad();
                var l = loss.Compute(network.Run(features, messageGraph));
                l.backward();
                optimizer.step();
                trainLoss = l.item<float>();
            }
            TorchGarbage.CollectAfterStep();
            var (valLoss, f1, mad) = Validate(network, features, messageGraph, graph, valIdx, valT, valY, madOptions, options.SelectionRepresentation);
            clock.Stop();
            double score = options.SelectionRepresentation == SelectionRepresentation.None ? f1 : Search.SelectionScore.HarmonicMean(mad, f1);
            var stats = new GenotypeEpochStats(epoch, trainLoss, valLoss, f1, mad, score, clock.Elapsed.TotalMilliseconds);
            history.Add(stats);
            progress?.Report(stats);

            bool improved = false;
            if (score > bestScore || (score == bestScore && valLoss < bestLoss))
            {
                (bestScore, bestLoss, bestEpoch) = (score, valLoss, epoch);
                best.Capture();
                improved = true;
            }
            if (valLoss < lowestLoss) { lowestLoss = valLoss; improved = true; }
            stale = improved ? 0 : stale + 1;
            if (stale >= options.Patience) break;
        }
        best.Restore();
        return Evaluate(network, features, messageGraph, graph, seed, options.Network.Blocks, bestEpoch, bestScore, history);
    }

    private static (double Loss, double MacroF1, double Mad) Validate(GenotypeNetwork network, FeatureInput features, MessageGraph messageGraph,
        Graph graph, int[] valIdx, Tensor valT, Tensor valY, MadOptions madOptions, SelectionRepresentation selection)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        network.eval();
        var (logits, hidden) = network.Run(features, messageGraph);
        double loss = nn.functional.cross_entropy(logits.index_select(0, valT), valY).item<float>();
        var predictions = logits.argmax(1).to(ScalarType.Int32).data<int>().ToArray();
        double f1 = ClassificationMetrics.MacroF1(graph.Labels, predictions, graph.NumClasses, valIdx);
        if (selection == SelectionRepresentation.None) return (loss, f1, double.NaN);
        var scored = selection == SelectionRepresentation.Logits ? logits : hidden;
        double mad = MeanAverageDistance.Global(RepresentationMatrix.FromTensor(scored), valIdx, madOptions);
        return (loss, f1, mad);
    }

    private static GenotypeTrainingResult Evaluate(GenotypeNetwork network, FeatureInput features, MessageGraph messageGraph, Graph graph,
        int seed, int blocks, int bestEpoch, double bestScore, List<GenotypeEpochStats> history)
    {
        float[] logits, probabilities;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            network.eval();
            var output = network.Run(features, messageGraph).Logits;
            logits = output.contiguous().data<float>().ToArray();
            probabilities = nn.functional.softmax(output, 1).contiguous().data<float>().ToArray();
        }
        int classes = graph.NumClasses;
        var predictions = new int[graph.NumNodes];
        for (int i = 0; i < predictions.Length; i++)
        {
            int arg = 0;
            for (int c = 1; c < classes; c++) if (logits[i * classes + c] > logits[i * classes + arg]) arg = c;
            predictions[i] = arg;
        }
        var representation = new RepresentationMatrix(logits, graph.NumNodes, classes);
        // The same MAD and MADGap settings as NodeClassificationExperiment, so the baselines' numbers compare.
        var reportMad = new MadOptions { Seed = seed };
        return new GenotypeTrainingResult
        {
            Seed = seed,
            Blocks = blocks,
            BestEpoch = bestEpoch,
            EpochsRun = history.Count,
            ValidationScore = bestScore,
            Train = ClassificationReport.Compute(graph.Labels, predictions, classes, graph.TrainMask, probabilities),
            Validation = ClassificationReport.Compute(graph.Labels, predictions, classes, graph.ValMask, probabilities),
            Test = ClassificationReport.Compute(graph.Labels, predictions, classes, graph.TestMask, probabilities),
            Mad = MeanAverageDistance.Global(representation, options: reportMad),
            MadGap = MadGap.Compute(representation, graph.Adjacency, options: reportMad).Gap,
            Seconds = 0,
            History = history,
        };
    }
}
