using System.Diagnostics;
using TorchSharp;
using Vigil.Core.Metrics;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Smoothness;

namespace Vigil.Graphs.Training;

/// <summary>
/// Seeds, builds a model by name, trains it (full batch, or neighbour-sampled mini-batches when
/// <see cref="ExperimentOptions.Fanouts"/> is set), and evaluates the selected model on train/validation/test with
/// the over-smoothing of its outputs. The one place the CLI, the reproduction and the benchmarks train through.
/// </summary>
public static class NodeClassificationExperiment
{
    public static NodeClassificationResult Run(Graph graph, ExperimentOptions options,
        IProgress<EpochStats>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        torch.manual_seed(options.Trainer.Seed);
        var modelOptions = options.ModelOptions with { Seed = options.ModelOptions.Seed ?? options.Trainer.Seed };
        using var model = NodeModels.Create(options.Model, graph.Features.Cols, graph.NumClasses, modelOptions);

        TrainingOutcome outcome = options.Fanouts is { Length: > 0 } fanouts
            ? new MiniBatchTrainer(options.Trainer, fanouts, options.BatchSize).Fit(model, graph, progress, cancellationToken)
            : new FullBatchTrainer(options.Trainer).Fit(model, graph, progress, cancellationToken);

        var predictions = outcome.Predictions();
        var train = ClassificationReport.Compute(graph.Labels, predictions, graph.NumClasses, graph.TrainMask, outcome.Probabilities);
        var val = ClassificationReport.Compute(graph.Labels, predictions, graph.NumClasses, graph.ValMask, outcome.Probabilities);
        var test = ClassificationReport.Compute(graph.Labels, predictions, graph.NumClasses, graph.TestMask, outcome.Probabilities);

        var representation = new RepresentationMatrix(outcome.Logits, graph.NumNodes, graph.NumClasses);
        var madOptions = new MadOptions { Seed = options.Trainer.Seed };
        double mad = MeanAverageDistance.Global(representation, options: madOptions);
        var gap = MadGap.Compute(representation, graph.Adjacency, options: madOptions);

        return new NodeClassificationResult
        {
            Dataset = graph.Name,
            Model = options.Model,
            Layers = model.MessagePassingDepth,
            Seed = options.Trainer.Seed,
            EpochsRun = outcome.EpochsRun,
            BestEpoch = outcome.BestEpoch,
            Train = train,
            Validation = val,
            Test = test,
            Mad = mad,
            MadGap = gap.Gap,
            SmoothnessSampled = gap.Sampled,
            MedianEpochMilliseconds = outcome.MedianStepMilliseconds,
            TotalSeconds = total.Elapsed.TotalSeconds,
            PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        };
    }
}
