namespace Vigil.Graphs.Data.Hetero;

/// <summary>The nodes of one type in a <see cref="HeteroGraph"/>: numbered 0…Count−1, with optional features.</summary>
public sealed record NodeSet(string Name, int Count, FeatureMatrix? Features);
