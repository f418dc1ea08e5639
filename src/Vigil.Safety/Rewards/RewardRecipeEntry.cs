namespace Vigil.Safety.Rewards;

/// <summary>
/// What one sample label (safety, value, knowledge, general, …) is scored by: the principle
/// <see cref="Verifiers"/>, the <see cref="Rules"/> terms, and whether the recipe's format term applies.
/// </summary>
public sealed record RewardRecipeEntry(IReadOnlyList<RewardTerm> Verifiers, IReadOnlyList<RewardTerm> Rules, bool ApplyFormat);
