namespace Vigil.Graphs.Nn.Conv;

/// <summary>How GraphSAGE summarises a node's neighbourhood.</summary>
public enum SageAggregator
{
    /// <summary>Mean of the neighbours' features (row-normalised adjacency, edge weights respected).</summary>
    Mean,
    /// <summary>GraphSAGE's pooling aggregator: element-wise max of ReLU(W_pool·x_j + b_pool) over neighbours.</summary>
    Max,
}
