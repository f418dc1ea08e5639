namespace Vigil.Graphs.Data;

/// <summary>Train/validation/test node masks with a description of how they were made.</summary>
public sealed record NodeSplit(bool[] Train, bool[] Val, bool[] Test, string Description)
{
    /// <summary>
    /// The split of Shchur et al. (2018, "Pitfalls of GNN evaluation") for graphs that ship without one:
    /// per class, <paramref name="trainPerClass"/> random training nodes, then <paramref name="valPerClass"/>
    /// validation nodes, and every other labelled node for testing. A class too small for both gets what it has
    /// (training first). Nodes labelled −1 (unknown) are in no mask. Deterministic in <paramref name="seed"/>.
    /// </summary>
    public static NodeSplit PerClass(int[] labels, int trainPerClass = 20, int valPerClass = 30, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainPerClass);
        ArgumentOutOfRangeException.ThrowIfNegative(valPerClass);
        int n = labels.Length;
        int classes = 0;
        for (int i = 0; i < n; i++)
        {
            if (labels[i] < -1) throw new ArgumentException($"Label {labels[i]} of node {i} is invalid (−1 marks unknown).", nameof(labels));
            classes = Math.Max(classes, labels[i] + 1);
        }
        // Bucket nodes by class in ascending node order, so the shuffle alone decides membership.
        var start = new int[classes + 1];
        foreach (var y in labels) if (y >= 0) start[y + 1]++;
        for (int c = 0; c < classes; c++) start[c + 1] += start[c];
        var byClass = new int[start[classes]];
        var next = (int[])start.Clone();
        for (int i = 0; i < n; i++) if (labels[i] >= 0) byClass[next[labels[i]]++] = i;

        var rng = new SeededRandom(seed);
        bool[] train = new bool[n], val = new bool[n], test = new bool[n];
        for (int c = 0; c < classes; c++)
        {
            var members = byClass.AsSpan(start[c], start[c + 1] - start[c]);
            rng.Shuffle(members);
            int nTrain = Math.Min(trainPerClass, members.Length);
            int nVal = Math.Min(valPerClass, members.Length - nTrain);
            for (int k = 0; k < members.Length; k++)
            {
                if (k < nTrain) train[members[k]] = true;
                else if (k < nTrain + nVal) val[members[k]] = true;
                else test[members[k]] = true;
            }
        }
        return new NodeSplit(train, val, test,
            $"random per-class split (Shchur et al. 2018): {trainPerClass} train and {valPerClass} validation nodes per class, the rest test; seed {seed}");
    }

    /// <summary>
    /// A uniformly random split of all <paramref name="nodes"/> nodes by fractions (the rest is test),
    /// deterministic in <paramref name="seed"/>.
    /// </summary>
    public static NodeSplit RandomFractions(int nodes, double trainFraction, double valFraction, int seed = 0)
    {
        if (trainFraction < 0 || valFraction < 0 || trainFraction + valFraction > 1)
            throw new ArgumentException($"Split fractions train {trainFraction} and validation {valFraction} must be non-negative and sum to at most 1.");
        var order = new int[nodes];
        for (int i = 0; i < nodes; i++) order[i] = i;
        new SeededRandom(seed).Shuffle(order.AsSpan());
        int nTrain = (int)Math.Round(trainFraction * nodes), nVal = (int)Math.Round(valFraction * nodes);
        nVal = Math.Min(nVal, nodes - nTrain);
        bool[] train = new bool[nodes], val = new bool[nodes], test = new bool[nodes];
        for (int k = 0; k < nodes; k++)
        {
            if (k < nTrain) train[order[k]] = true;
            else if (k < nTrain + nVal) val[order[k]] = true;
            else test[order[k]] = true;
        }
        return new NodeSplit(train, val, test,
            $"random split: {trainFraction * 100:0.##}% train, {valFraction * 100:0.##}% validation, the rest test; seed {seed}");
    }
}
