using Vigil.Core.Sparse;

namespace Vigil.Graphs.Data.Hetero;

/// <summary>
/// The edges of one relation type, as a CSR matrix with target nodes as rows and source nodes as columns
/// (the adjacency convention of <see cref="CsrMatrix"/>: row t lists the sources s of the edges s → t).
/// </summary>
public sealed record Relation(RelationType Type, CsrMatrix Adjacency)
{
    public int NumEdges => Adjacency.Nnz;
}
