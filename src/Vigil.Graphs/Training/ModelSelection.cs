namespace Vigil.Graphs.Training;

/// <summary>Which validation quantity picks the reported epoch.</summary>
public enum ModelSelection
{
    /// <summary>Highest validation accuracy, ties broken by lower validation loss (GCN, GAT, APPNP papers).</summary>
    ValidationAccuracy,
    /// <summary>Lowest validation loss (GCNII's reference training).</summary>
    ValidationLoss,
}
