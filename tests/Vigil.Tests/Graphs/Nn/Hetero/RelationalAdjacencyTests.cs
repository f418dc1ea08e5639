using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Hetero;

namespace Vigil.Tests.Graphs.Nn.Hetero;

public class RelationalAdjacencyTests
{
    private static MessageGraph TwoRelations() => MessageGraph.FromRelations(
    [
        CsrMatrix.FromCoo(3, 3, [0, 0, 2], [1, 2, 0]),
        CsrMatrix.FromCoo(3, 3, [0, 1], [1, 2]),
    ]);

    [Fact]
    public void OffsetsEachRelationsColumnsAndKeepsTheirTypes()
    {
        var r = RelationalAdjacency.Of(TwoRelations());
        Assert.Equal(2, r.NumTypes);
        Assert.Equal(3, r.Matrix.Rows);
        Assert.Equal(6, r.Matrix.Cols);
        // Row 0: relation 0 sources 1, 2, then relation 1 source 1 (column 3 + 1); row 1: relation 1 source 2; row 2: relation 0 source 0.
        Assert.Equal(new[] { 0, 3, 4, 5 }, r.Matrix.RowPtr);
        Assert.Equal(new[] { 1, 2, 4, 5, 0 }, r.Matrix.ColIdx);
        Assert.Equal(new[] { 0, 0, 1, 1, 0 }, r.EdgeTypes);
        Assert.Equal(new[] { 1, 2, 1, 2, 0 }, r.Merged.ColIdx);
        Assert.Equal(3, r.Merged.Cols);
    }

    [Fact]
    public void SelfLoopsBecomeATypeOfTheirOwn()
    {
        var r = RelationalAdjacency.Of(TwoRelations(), addSelfLoops: true);
        Assert.Equal(3, r.NumTypes);
        Assert.Equal(9, r.Matrix.Cols);
        Assert.Equal(new[] { 0, 4, 6, 8 }, r.Matrix.RowPtr);
        Assert.Equal(new[] { 0, 0, 1, 2, 1, 2, 0, 2 }, r.EdgeTypes);
        Assert.Equal(new[] { 1, 2, 1, 0, 2, 1, 0, 2 }, r.Merged.ColIdx);
        Assert.Equal(new[] { 1, 2, 4, 6, 5, 7, 0, 8 }, r.Matrix.ColIdx);
    }

    [Fact]
    public void IsCachedPerGraph()
    {
        var g = TwoRelations();
        Assert.Same(RelationalAdjacency.Of(g), RelationalAdjacency.Of(g));
        Assert.NotSame(RelationalAdjacency.Of(g), RelationalAdjacency.Of(g, addSelfLoops: true));
    }
}
