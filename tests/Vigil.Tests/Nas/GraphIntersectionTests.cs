using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Nas.Cells;

namespace Vigil.Tests.Nas;

public class GraphIntersectionTests
{
    private static CsrMatrix Subset(CsrMatrix a, Random rng, double keep)
    {
        var rows = a.RowIndices();
        var r = new List<int>(); var c = new List<int>();
        for (int e = 0; e < a.Nnz; e++)
            if (rng.NextDouble() < keep) { r.Add(rows[e]); c.Add(a.ColIdx[e]); }
        return CsrMatrix.FromCoo(a.Rows, a.Cols, r.ToArray(), c.ToArray());
    }

    private static HashSet<(int, int)> Entries(CsrMatrix a)
    {
        var rows = a.RowIndices();
        return Enumerable.Range(0, a.Nnz).Select(e => (rows[e], a.ColIdx[e])).ToHashSet();
    }

    [Fact]
    public void IntersectionKeepsExactlyTheSharedEdges()
    {
        var graph = NasTestGraphs.Sbm(nodes: 120);
        var rng = new Random(4);
        var a = new MessageGraph(Subset(graph.Adjacency, rng, 0.7));
        var b = new MessageGraph(Subset(graph.Adjacency, rng, 0.6));
        var both = GraphIntersection.Of(a, b);
        var expected = Entries(a.Adjacency); expected.IntersectWith(Entries(b.Adjacency));
        Assert.Equal(expected.OrderBy(x => x), Entries(both.Adjacency).OrderBy(x => x));
        Assert.Equal(expected.Count, both.Adjacency.Nnz);
    }

    [Fact]
    public void ASubsetOrTheSameGraphIsReturnedAsItIs()
    {
        var graph = NasTestGraphs.Sbm(nodes: 120);
        var full = new MessageGraph(graph.Adjacency);
        var thinned = new MessageGraph(Subset(graph.Adjacency, new Random(1), 0.5));
        Assert.Same(full, GraphIntersection.Of(full, full));
        Assert.Same(thinned, GraphIntersection.Of(full, thinned));
        Assert.Same(thinned, GraphIntersection.Of(thinned, full));
    }
}
