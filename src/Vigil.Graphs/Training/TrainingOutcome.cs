namespace Vigil.Graphs.Training;

/// <summary>
/// What a training run leaves: the epoch history, the selected (best-validation) epoch and that model's logits
/// and class probabilities for every output node, row-major [nodes, classes].
/// </summary>
public sealed record TrainingOutcome(IReadOnlyList<EpochStats> History, int BestEpoch, float[] Logits, float[] Probabilities, int NumClasses)
{
    public int EpochsRun => History.Count;

    /// <summary>Median wall time of one training step (forward, backward, optimizer), in milliseconds.</summary>
    public double MedianStepMilliseconds
    {
        get
        {
            if (History.Count == 0) return double.NaN;
            // The first epochs pay for lazy initialisation and caches; skip them when there are enough.
            var times = History.Skip(History.Count > 10 ? 3 : 0).Select(h => h.StepMilliseconds).OrderBy(t => t).ToArray();
            return times.Length % 2 == 1 ? times[times.Length / 2] : (times[times.Length / 2 - 1] + times[times.Length / 2]) / 2;
        }
    }

    public int[] Predictions()
    {
        int n = Probabilities.Length / NumClasses;
        var p = new int[n];
        for (int i = 0; i < n; i++)
        {
            int arg = 0; float max = float.NegativeInfinity;
            for (int c = 0; c < NumClasses; c++)
            {
                float v = Probabilities[i * NumClasses + c];
                if (v > max) { max = v; arg = c; }
            }
            p[i] = arg;
        }
        return p;
    }
}
