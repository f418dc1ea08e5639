namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// DAPO's dynamic sampling filter: a group whose rewards are all equal has zero advantage everywhere and so no
/// gradient; it is dropped rather than diluting the batch. Rewards count as equal within <c>tolerance</c>.
/// </summary>
public static class DynamicSampling
{
    /// <summary>One flag per group, in order: true when the group is kept (its rewards are not all equal).</summary>
    public static bool[] KeptGroups(IReadOnlyList<double> rewards, int groupSize, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        GroupAdvantages.CheckGroups(rewards.Count, groupSize);
        var kept = new bool[rewards.Count / groupSize];
        for (int g = 0; g < kept.Length; g++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < groupSize; i++)
            {
                double r = rewards[g * groupSize + i];
                min = Math.Min(min, r);
                max = Math.Max(max, r);
            }
            kept[g] = max - min > tolerance;
        }
        return kept;
    }
}
