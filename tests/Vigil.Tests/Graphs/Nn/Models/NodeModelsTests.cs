using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Connections;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Nn.Norm;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Models;

public class NodeModelsTests
{
    private const int Nodes = 12, InFeatures = 7, Classes = 3;

    public static TheoryData<string> Names => new(NodeModels.Names);

    private static FeatureInput SparseInput(int seed) =>
        new(Conv.GcnConvTests.SparseFeatures(Features(Nodes, InFeatures, seed).relu()));

    /// <summary>One training step; asserts finite logits and gradients and that the step moves the parameters.</summary>
    private static void AssertTrains(NodeModel model, FeatureInput x, IReadOnlyList<MessageGraph> graphs, int expectedRows)
    {
        using var scope = NewDisposeScope();
        model.train();
        var labels = tensor(Enumerable.Range(0, expectedRows).Select(i => (long)(i % Classes)).ToArray());
        var logits = model.forward(x, graphs);
        Assert.Equal(new long[] { expectedRows, Classes }, logits.shape);
        Assert.True(logits.isfinite().all().item<bool>(), "logits must be finite");
        var before = model.parameters().Select(p => p.detach().clone()).ToArray();
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        optimizer.zero_grad();
        nn.functional.cross_entropy(logits, labels).backward();
        foreach (var (name, p) in model.named_parameters())
        {
            if (!p.requires_grad) continue;
            Assert.True(p.grad is not null, $"{model.GetName()}: parameter {name} got no gradient");
            Assert.True(p.grad!.isfinite().all().item<bool>(), $"{model.GetName()}: parameter {name} has a non-finite gradient");
        }
        optimizer.step();
        var after = model.parameters().ToArray();
        double moved = before.Zip(after).Sum(t => (t.First - t.Second).abs().sum().item<float>());
        Assert.True(moved > 0, $"{model.GetName()}: an optimizer step changed no parameter");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryModelTrainsFullBatchOnSparseFeatures(string name)
    {
        var g = new MessageGraph(Random(Nodes, Nodes, 0.3, seed: 141));
        var model = NodeModels.Create(name, InFeatures, Classes);
        AssertTrains(model, SparseInput(142), [g], Nodes);
        Assert.True(model.MessagePassingDepth >= 0);
    }

    [Theory]
    [InlineData("gcn")]
    [InlineData("gat")]
    [InlineData("sage")]
    [InlineData("sage-max")]
    [InlineData("gin")]
    [InlineData("rgcn")]
    [InlineData("agnn")]
    [InlineData("gcnii")]
    public void DeepModelsTakeOneSampledBlockPerLayer(string name)
    {
        var model = NodeModels.Create(name, InFeatures, Classes, new ModelOptions { Layers = 2 });
        Assert.Equal(2, model.MessagePassingDepth);
        // Outer block: 6 targets from all 12 nodes; inner block: 3 targets from those 6.
        var outer = new MessageGraph(Random(6, Nodes, 0.3, seed: 143));
        var inner = new MessageGraph(Random(3, 6, 0.4, seed: 144));
        AssertTrains(model, SparseInput(145), [outer, inner], 3);
    }

    [Theory]
    [InlineData("sgc")]
    [InlineData("appnp")]
    public void PropagationModelsRejectBlocksWithAReason(string name)
    {
        var model = NodeModels.Create(name, InFeatures, Classes);
        var blocks = Enumerable.Range(0, model.MessagePassingDepth).Select(_ => new MessageGraph(Random(Nodes, Nodes, 0.3, seed: 146))).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => model.forward(SparseInput(147), blocks));
        Assert.Contains("full-batch", ex.Message);
    }

    [Fact]
    public void WrongNumberOfBlocksIsRejected()
    {
        var model = NodeModels.Create("gcn", InFeatures, Classes, new ModelOptions { Layers = 3 });
        var g = new MessageGraph(Random(Nodes, Nodes, 0.3, seed: 148));
        var ex = Assert.Throws<ArgumentException>(() => model.forward(SparseInput(149), [g, g]));
        Assert.Contains("1 graph (full batch) or 3 sampled blocks", ex.Message);
    }

    [Fact]
    public void PaperDefaultsShapeTheModels()
    {
        var gcn = NodeModels.Create("gcn", InFeatures, Classes);
        Assert.Equal(2, gcn.MessagePassingDepth);
        // Two layers of W and b, 7→16→3.
        Assert.Equal(InFeatures * 16 + 16 + 16 * Classes + Classes, gcn.parameters().Sum(p => p.numel()));
        Assert.Equal(64, NodeModels.Create("gcnii", InFeatures, Classes).MessagePassingDepth);
        Assert.Equal(10, NodeModels.Create("appnp", InFeatures, Classes).MessagePassingDepth);
        Assert.Equal(2, NodeModels.Create("sgc", InFeatures, Classes).MessagePassingDepth);
        Assert.Equal(5, NodeModels.Create("sgc", InFeatures, Classes, new ModelOptions { Layers = 5 }).MessagePassingDepth);
        // GAT: 8 heads × 8 features hidden, one averaged head out: W₁ is [in, 64], W₂ [64, classes].
        var gat = NodeModels.Create("gat", InFeatures, Classes);
        var shapes = gat.named_parameters().Where(p => p.name.EndsWith("lin.weight")).Select(p => p.parameter.shape).ToArray();
        Assert.Equal(new long[] { InFeatures, 64 }, shapes[0]);
        Assert.Equal(new long[] { 64, Classes }, shapes[1]);
        var gcnii = (IWeightDecayGroups)NodeModels.Create("gcnii", InFeatures, Classes);
        Assert.Equal(64, gcnii.ConvolutionParameters().Count());
        Assert.Equal(4, gcnii.DenseParameters().Count());
    }

    [Fact]
    public void StackOptionsBuildAndTrain()
    {
        var g = new MessageGraph(Random(Nodes, Nodes, 0.3, seed: 150));
        var variants = new[]
        {
            new ModelOptions { Layers = 4, PairNorm = PairNormMode.PNSI, Residual = ResidualMode.Residual },
            new ModelOptions { Layers = 3, BatchNorm = true, Residual = ResidualMode.Initial, JumpingKnowledge = JumpingKnowledgeMode.Cat },
            new ModelOptions { Layers = 3, JumpingKnowledge = JumpingKnowledgeMode.Max, DropEdge = 0.2, DropNode = 0.1, DropAttribute = 0.1, DropAttributeMode = DropAttributeMode.Column, Seed = 3 },
        };
        foreach (var o in variants)
            foreach (var name in new[] { "gcn", "gat", "sage" })
                AssertTrains(NodeModels.Create(name, InFeatures, Classes, o), SparseInput(151), [g], Nodes);
    }

    [Fact]
    public void RgcnUsesTheGraphsRelations()
    {
        var rels = new[] { Random(Nodes, Nodes, 0.2, seed: 152), Random(Nodes, Nodes, 0.2, seed: 153) };
        var model = NodeModels.Create("rgcn", InFeatures, Classes, new ModelOptions { NumRelations = 2, NumBases = 1 });
        AssertTrains(model, SparseInput(154), [MessageGraph.FromRelations(rels)], Nodes);
    }

    [Fact]
    public void BadNamesAndOptionsAreRejected()
    {
        Assert.Contains("known:", Assert.Throws<ArgumentException>(() => NodeModels.Create("gnc", 3, 2)).Message);
        Assert.Contains("PairNorm", Assert.Throws<ArgumentException>(() =>
            NodeModels.Create("appnp", 3, 2, new ModelOptions { PairNorm = PairNormMode.PN })).Message);
        Assert.Contains("rgcn", Assert.Throws<ArgumentException>(() =>
            NodeModels.Create("gcn", 3, 2, new ModelOptions { NumRelations = 2 })).Message);
    }

    [Fact]
    public void EvaluationIsDeterministicAndSparseEqualsDenseInput()
    {
        using var scope = NewDisposeScope();
        var g = new MessageGraph(Random(Nodes, Nodes, 0.3, seed: 155));
        var dense = Features(Nodes, InFeatures, 156).relu();
        var model = NodeModels.Create("gat", InFeatures, Classes, new ModelOptions { DropEdge = 0.3 });
        model.eval();
        var a = model.forward(new FeatureInput(dense), [g]);
        var b = model.forward(new FeatureInput(Conv.GcnConvTests.SparseFeatures(dense)), [g]);
        AssertClose(a, b, 1e-5);
    }
}
