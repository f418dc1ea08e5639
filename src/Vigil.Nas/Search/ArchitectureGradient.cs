namespace Vigil.Nas.Search;

/// <summary>How the <see cref="Architect"/> differentiates the validation loss with respect to α (DARTS §2.3).</summary>
public enum ArchitectureGradient
{
    /// <summary>∇_α L_val(w, α) at the current weights.</summary>
    FirstOrder,
    /// <summary>
    /// ∇_α L_val(w′, α) with w′ = w − ξ∇_w L_train(w, α) one unrolled weight step ahead, the Hessian-vector product
    /// approximated by central finite differences.
    /// </summary>
    SecondOrder,
}
