using TorchSharp;
using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Regularization;

public class DropEdgeTests
{
    private static readonly CsrMatrix Big = Random(100, 100, 0.3, seed: 111);   // ≈ 3000 edges

    [Fact]
    public void IdentityInEvaluation()
    {
        var g = new MessageGraph(Big);
        var drop = new DropEdge(0.5);
        drop.eval();
        Assert.Same(g, drop.forward(g));
    }

    [Fact]
    public void DropsTheExpectedFractionOfExistingEdges()
    {
        var g = new MessageGraph(Big);
        var thinned = new DropEdge(0.3, new Generator(5)).forward(g);
        double kept = (double)thinned.Adjacency.Nnz / Big.Nnz;
        Assert.InRange(kept, 0.67, 0.73);   // ±3σ for ≈3000 Bernoulli(0.7) draws is ±0.025
        var original = new HashSet<(int, int)>(Edges(Big));
        Assert.All(Edges(thinned.Adjacency), e => Assert.Contains(e, original));
    }

    [Fact]
    public void SeededGeneratorReproducesTheSequenceAndEachForwardRedraws()
    {
        var g = new MessageGraph(Big);
        var a = new DropEdge(0.5, new Generator(9));
        var b = new DropEdge(0.5, new Generator(9));
        var a1 = Edges(a.forward(g).Adjacency).ToArray();
        Assert.Equal(a1, Edges(b.forward(g).Adjacency).ToArray());
        Assert.NotEqual(a1, Edges(a.forward(g).Adjacency).ToArray());
    }

    [Fact]
    public void RelationsAreThinnedAndTheUnionRebuilt()
    {
        var rels = new[] { Random(30, 30, 0.3, seed: 112), Random(30, 30, 0.3, seed: 113) };
        var thinned = new DropEdge(0.5, new Generator(3)).forward(MessageGraph.FromRelations(rels));
        Assert.Equal(2, thinned.Relations!.Count);
        Assert.Equal(thinned.Relations.Sum(r => r.Adjacency.Nnz), (int)thinned.Adjacency.RowSums().Sum());
        Assert.True(thinned.Relations[0].Adjacency.Nnz < rels[0].Nnz);
    }

    [Fact]
    public void DropNodeSilencesEveryEdgeOfADroppedSource()
    {
        var g = new MessageGraph(Big);
        var thinned = new DropNode(0.4, new Generator(4)).forward(g).Adjacency;
        var outDegree = new int[100];
        foreach (var (_, s) in Edges(thinned)) outDegree[s]++;
        var original = new int[100];
        foreach (var (_, s) in Edges(Big)) original[s]++;
        // Each source keeps all of its out-edges or none.
        for (int s = 0; s < 100; s++) Assert.True(outDegree[s] == 0 || outDegree[s] == original[s], $"source {s}: {outDegree[s]} of {original[s]}");
        int silenced = Enumerable.Range(0, 100).Count(s => outDegree[s] == 0 && original[s] > 0);
        Assert.InRange(silenced, 25, 55);
        var evalDrop = new DropNode(0.4);
        evalDrop.eval();
        Assert.Same(g, evalDrop.forward(g));
    }

    private static IEnumerable<(int, int)> Edges(CsrMatrix a)
    {
        var rows = a.RowIndices();
        for (int e = 0; e < a.Nnz; e++) yield return (rows[e], a.ColIdx[e]);
    }
}
