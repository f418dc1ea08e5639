namespace Vigil.Nas.Training;

/// <summary>Whose MAD the retraining's selection score uses (the reported MAD is always that of the output logits).</summary>
public enum SelectionRepresentation
{
    /// <summary>The last block's output, as the search scores its epochs: over-smoothing of what the cells compute.</summary>
    Hidden,
    /// <summary>
    /// The output logits. Their MAD starts near 1 (random directions) and falls as same-class nodes align, so it
    /// favours early, less accurate epochs.
    /// </summary>
    Logits,
    /// <summary>No MAD: epochs are selected on validation macro-F1 alone (ties: lower validation loss), the usual
    /// practice outside GraTO.</summary>
    None,
}
