using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
using static TorchSharp.torch;

namespace Vigil.Tests.Graphs.Nn.Hetero;

/// <summary>
/// The relational models on a graph where only the relation type tells neighbours apart: relation 0 links
/// same-class nodes, relation 1 links opposite-class nodes, so summing the relations cancels the signal and
/// a model must use the types to classify.
/// </summary>
[Collection(TorchGlobalRngCollection.Name)]
public class RelationalModelsTests
{
    private const int Nodes = 240, Features = 8, Degree = 4;

    private static (Tensor X, long[] Labels, MessageGraph Graph) SignedGraph(int seed)
    {
        var rng = new Random(seed);
        var labels = Enumerable.Range(0, Nodes).Select(i => (long)(i % 2)).ToArray();
        // Own features: weak class signal in dimension 0 only.
        var x = new float[Nodes * Features];
        for (int i = 0; i < Nodes; i++)
            for (int f = 0; f < Features; f++)
                x[i * Features + f] = (float)(Gaussian(rng) + (f == 0 ? (labels[i] == 1 ? 0.4 : -0.4) : 0));
        var (r0, c0, r1, c1) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
        for (int i = 0; i < Nodes; i++)
            for (int d = 0; d < Degree; d++)
            {
                int same = 2 * rng.Next(Nodes / 2) + (int)labels[i];
                int other = 2 * rng.Next(Nodes / 2) + 1 - (int)labels[i];
                r0.Add(i); c0.Add(same);
                r1.Add(i); c1.Add(other);
            }
        var graph = MessageGraph.FromRelations(
        [
            CsrMatrix.FromCoo(Nodes, Nodes, r0.ToArray(), c0.ToArray()),
            CsrMatrix.FromCoo(Nodes, Nodes, r1.ToArray(), c1.ToArray()),
        ]);
        return (tensor(x, [Nodes, Features]), labels, graph);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Theory]
    [InlineData("rgt")]
    [InlineData("simplehgn")]
    [InlineData("hgt")]
    [InlineData("rgcn")]
    public void LearnsFromRelationTypes(string name)
    {
        manual_seed(11);
        var (x, labels, graph) = SignedGraph(seed: 5);
        var options = new ModelOptions { NumRelations = 2, Hidden = 32, Heads = name == "rgcn" ? null : 4, Dropout = 0.1 };
        using var model = NodeModels.Create(name, Features, 2, options);
        var input = new FeatureInput(x);
        var train = tensor(Enumerable.Range(0, Nodes).Where(i => i % 4 != 3).Select(i => (long)i).ToArray());
        var test = tensor(Enumerable.Range(0, Nodes).Where(i => i % 4 == 3).Select(i => (long)i).ToArray());
        var y = tensor(labels);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        for (int epoch = 0; epoch < 60; epoch++)
        {
            using var scope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            var logits = model.forward(input, [graph]);
            nn.functional.cross_entropy(logits.index_select(0, train), y.index_select(0, train)).backward();
            optimizer.step();
        }
        model.eval();
        using var _ = no_grad();
        var predicted = model.forward(input, [graph]).argmax(1).index_select(0, test);
        double accuracy = predicted.eq(y.index_select(0, test)).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(accuracy >= 0.9, $"{name}: held-out accuracy {accuracy:F3} on the signed two-relation graph");
    }

    [Fact]
    public void RelationCountMismatchIsRejected()
    {
        var (x, _, graph) = SignedGraph(seed: 1);
        using var model = NodeModels.Create("rgt", Features, 2, new ModelOptions { NumRelations = 3, Hidden = 16, Heads = 2, OutputHeads = 2 });
        var ex = Assert.Throws<ArgumentException>(() => model.forward(new FeatureInput(x), [graph]));
        Assert.Contains("3 relations", ex.Message);
    }
}
