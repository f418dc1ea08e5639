using Vigil.Core.Metrics;
using System.Diagnostics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Training;
using Vigil.Nas.Training;

namespace Vigil.Nas.Sweeps;

/// <summary>
/// Trains every model of <see cref="DepthSweepOptions.Models"/> at every depth with every seed on one graph and
/// reports test accuracy and the over-smoothing (MAD, MADGap) of the output logits, mean ± std over the seeds.
/// </summary>
public static class DepthSweep
{
    /// <param name="progress">Told "model depth seed" before each training run.</param>
    public static IReadOnlyList<DepthSweepCell> Run(Graph graph, DepthSweepOptions options, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var cells = new List<DepthSweepCell>();
        foreach (var key in options.Models)
        {
            var model = DepthSweepModel.Find(key);
            foreach (int depth in options.Depths)
            {
                var clock = Stopwatch.StartNew();
                var acc = new List<double>(); var mad = new List<double>(); var gap = new List<double>();
                foreach (int seed in options.Seeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report($"{model.Name} depth {depth} seed {seed}");
                    var (a, m, g) = model.IsGenotype ? TrainGenotype(graph, options, depth, seed) : TrainBaseline(graph, model, options, depth, seed);
                    acc.Add(a); mad.Add(m); gap.Add(g);
                }
                cells.Add(new DepthSweepCell(model.Key, model.Name, depth, MeanStd.Of(acc), MeanStd.Of(mad), MeanStd.Of(gap),
                    clock.Elapsed.TotalSeconds, acc));
            }
        }
        return cells;
    }

    private static (double Accuracy, double Mad, double MadGap) TrainBaseline(Graph graph, DepthSweepModel model, DepthSweepOptions options, int depth, int seed)
    {
        var experiment = model.Baseline!(depth);
        var trainer = experiment.Trainer with { Seed = seed };
        if (options.MaxEpochs is int cap) trainer = trainer with { Epochs = Math.Min(trainer.Epochs, cap) };
        var r = NodeClassificationExperiment.Run(graph, experiment with { Trainer = trainer });
        return (r.Test.Accuracy, r.Mad, r.MadGap);
    }

    private static (double Accuracy, double Mad, double MadGap) TrainGenotype(Graph graph, DepthSweepOptions options, int depth, int seed)
    {
        var training = options.Training with { Network = options.Training.Network with { Blocks = depth } };
        if (options.MaxEpochs is int cap) training = training with { Epochs = Math.Min(training.Epochs, cap) };
        var (network, r) = GenotypeTrainer.Fit(graph, options.Genotype!, seed, training);
        network.Dispose();
        return (r.Test.Accuracy, r.Mad, r.MadGap);
    }
}
