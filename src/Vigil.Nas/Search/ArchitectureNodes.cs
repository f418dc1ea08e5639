namespace Vigil.Nas.Search;

/// <summary>Which labelled nodes the architecture step (α) is trained on.</summary>
public enum ArchitectureNodes
{
    /// <summary>
    /// A class-stratified share of the training nodes, held out from the weight step (as DARTS splits its training
    /// set): validation and test labels then never enter the search, only the selection of the best epoch.
    /// </summary>
    HeldOutTraining,
    /// <summary>The validation nodes (GraTO's choice): more signal for α, but validation labels shape the architecture.</summary>
    Validation,
}
