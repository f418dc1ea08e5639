namespace Vigil.Graphs.Nn.Regularization;

/// <summary>Which part of the feature matrix <see cref="DropAttribute"/> zeroes.</summary>
public enum DropAttributeMode
{
    /// <summary>Independent entries (ordinary dropout; for sparse input, only the stored entries).</summary>
    Element,
    /// <summary>Whole feature columns: a dropped attribute vanishes for every node.</summary>
    Column,
    /// <summary>Whole node rows: a dropped node's features all vanish (GRAND's DropNode).</summary>
    Row,
}
