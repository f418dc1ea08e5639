using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>Computes features for a set of user rows into a <see cref="TabularData"/> labelled with the task's labels.</summary>
public static class TabularFeatures
{
    public static TabularData Build(BotDetectionTask task, IReadOnlyList<UserFeature> features, int[] userRows)
    {
        var values = new float[userRows.Length * features.Count];
        for (int i = 0; i < userRows.Length; i++)
        {
            for (int f = 0; f < features.Count; f++)
            {
                double v = features[f].Compute(task, userRows[i]);
                values[i * features.Count + f] = double.IsFinite(v) ? (float)v : 0f;
            }
        }
        return new TabularData(values, userRows.Length, features.Count, task.Labels(userRows));
    }
}
