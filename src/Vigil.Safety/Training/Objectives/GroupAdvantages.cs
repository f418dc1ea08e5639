namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// GRPO's group-normalised advantages: the rewards of the G samples drawn for one prompt are consecutive, and each
/// sample's advantage is (r − mean) / (std + eps) within its group. The std is the unbiased sample standard deviation
/// (divide by G − 1), as torch's <c>std()</c> in the released GRPO code computes it; a group whose rewards are all equal
/// gets advantages of 0.
/// </summary>
public static class GroupAdvantages
{
    public const double DefaultEpsilon = 1e-6;

    public static double[] Compute(IReadOnlyList<double> rewards, int groupSize, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        CheckGroups(rewards.Count, groupSize);
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), "epsilon must be ≥ 0.");
        var advantages = new double[rewards.Count];
        for (int start = 0; start < rewards.Count; start += groupSize)
        {
            double mean = 0;
            for (int i = 0; i < groupSize; i++) mean += rewards[start + i];
            mean /= groupSize;
            double squares = 0;
            for (int i = 0; i < groupSize; i++) squares += (rewards[start + i] - mean) * (rewards[start + i] - mean);
            double std = groupSize > 1 ? Math.Sqrt(squares / (groupSize - 1)) : 0;
            // With epsilon 0 a constant group would give 0/0; it carries no signal, so its advantages are 0.
            if (std + epsilon == 0) continue;
            for (int i = 0; i < groupSize; i++) advantages[start + i] = (rewards[start + i] - mean) / (std + epsilon);
        }
        return advantages;
    }

    internal static void CheckGroups(int count, int groupSize)
    {
        if (groupSize < 1) throw new ArgumentOutOfRangeException(nameof(groupSize), $"The group size must be ≥ 1, got {groupSize}.");
        if (count % groupSize != 0) throw new ArgumentException($"{count} rewards do not split into groups of {groupSize}.");
    }
}
