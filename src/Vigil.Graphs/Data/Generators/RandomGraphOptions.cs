namespace Vigil.Graphs.Data.Generators;

/// <summary>
/// Settings of <see cref="RandomGraph"/>; the defaults are the benchmark size (200k nodes, 2M stored edges,
/// 64 dense features).
/// </summary>
public sealed record RandomGraphOptions
{
    public int Nodes { get; init; } = 200_000;
    /// <summary>Stored (directed) edges. When <see cref="Symmetric"/>, half as many undirected pairs, each stored both ways.</summary>
    public long Edges { get; init; } = 2_000_000;
    public bool Symmetric { get; init; }
    public int FeatureDim { get; init; } = 64;
    public int Classes { get; init; } = 10;
    public double TrainFraction { get; init; } = 0.1;
    public double ValFraction { get; init; } = 0.1;
    public long Seed { get; init; }
}
