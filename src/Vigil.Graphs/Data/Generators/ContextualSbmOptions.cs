namespace Vigil.Graphs.Data.Generators;

/// <summary>
/// Settings of <see cref="ContextualSbm"/>. The defaults make a small graph on which neighbourhood aggregation
/// pays off clearly: features alone separate the classes only partly, while 80% of edges join same-class nodes.
/// </summary>
public sealed record ContextualSbmOptions
{
    public int Nodes { get; init; } = 2000;
    public int Classes { get; init; } = 4;
    /// <summary>Mean number of neighbours per node (each undirected edge is stored in both directions).</summary>
    public double AverageDegree { get; init; } = 8;
    /// <summary>
    /// Fraction of edges that join two nodes of the same class (1/Classes: no homophily; below: heterophily).
    /// <see cref="ContextualSbm.EdgeHomophilyForRatio"/> converts a p_in/p_out ratio.
    /// </summary>
    public double EdgeHomophily { get; init; } = 0.8;
    public int FeatureDim { get; init; } = 32;
    /// <summary>
    /// Length of each class's mean feature vector, in units of the per-dimension noise standard deviation (1).
    /// Class means point in independent random directions, so two classes' means are about √2 × this apart.
    /// </summary>
    public double FeatureSignal { get; init; } = 1.5;
    public int TrainPerClass { get; init; } = 20;
    public int ValPerClass { get; init; } = 30;
    public long Seed { get; init; }
}
