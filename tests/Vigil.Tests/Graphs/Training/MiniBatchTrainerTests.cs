using Vigil.Graphs.Data.Generators;
using Vigil.Graphs.Training;

namespace Vigil.Tests.Graphs.Training;

[Collection(TorchGlobalRngCollection.Name)]
public class MiniBatchTrainerTests
{
    [Fact]
    public void SampledTrainingLearnsAGeneratedGraphAsWellAsFullBatch()
    {
        var graph = ContextualSbm.Generate(new ContextualSbmOptions { Nodes = 800, Classes = 3, Seed = 4 });
        var full = NodeClassificationExperiment.Run(graph, new ExperimentOptions
        {
            Model = "sage", Trainer = new TrainerOptions { Epochs = 40, Seed = 0 },
        });
        var sampled = NodeClassificationExperiment.Run(graph, new ExperimentOptions
        {
            Model = "sage", Trainer = new TrainerOptions { Epochs = 40, Seed = 0 }, Fanouts = new[] { 10, 5 }, BatchSize = 32,
        });
        Assert.True(sampled.Test.Accuracy > 0.6, $"sampled SAGE reached only {sampled.Test.Accuracy:P1}");
        Assert.True(sampled.Test.Accuracy > full.Test.Accuracy - 0.08,
            $"sampled {sampled.Test.Accuracy:P1} should be close to full batch {full.Test.Accuracy:P1}");
    }

    [Fact]
    public void FanoutsMustMatchTheModelDepth()
    {
        var graph = ContextualSbm.Generate(new ContextualSbmOptions { Nodes = 200, Classes = 2, Seed = 1 });
        var e = Assert.Throws<ArgumentException>(() => NodeClassificationExperiment.Run(graph, new ExperimentOptions
        {
            Model = "gcn", Trainer = new TrainerOptions { Epochs = 2 }, Fanouts = new[] { 5, 5, 5 },
        }));
        Assert.Contains("fan-outs", e.Message);
    }
}
