namespace Vigil.Safety.Labels;

/// <summary>
/// The six classes of SafeWork-R1's safety verifier. The enum order is the learned head's output order and must not
/// change without retraining the shipped weights.
/// </summary>
public enum SafetyLabel
{
    SafeWithRefusal,
    SafeWithWarning,
    SafeWithoutRisk,
    Unsafe,
    UnnecessaryRefusal,
    IllogicalCompletion,
}
