namespace Vigil.Bots.Baselines.Learners;

/// <summary>
/// A CART classification tree with weighted Gini impurity (the tree scikit-learn grows): each split is the
/// feature and midpoint threshold that most reduce the weighted impurity; a leaf holds the weighted share of
/// positives. Ties between equally good splits go to the lower feature index, so a tree is a function of its data.
/// </summary>
public sealed class DecisionTree
{
    private readonly List<Node> _nodes = new();

    private DecisionTree() { }

    public int NodeCount => _nodes.Count;

    /// <summary>Grows a tree on <paramref name="rows"/> of <paramref name="data"/> (all rows when null).</summary>
    public static DecisionTree Grow(TabularData data, bool[] labels, double[] weights, int maxDepth, int minimumSplitRows = 2, int[]? rows = null)
    {
        if (labels.Length != data.Rows || weights.Length != data.Rows)
            throw new ArgumentException($"{data.Rows} rows need as many labels and weights, got {labels.Length} and {weights.Length}.");
        var tree = new DecisionTree();
        rows ??= Enumerable.Range(0, data.Rows).ToArray();
        var grower = new Grower(data, labels, weights, maxDepth, Math.Max(2, minimumSplitRows), tree._nodes);
        grower.Grow(rows, 0);
        return tree;
    }

    /// <summary>The weighted positive share of the leaf <paramref name="row"/> falls into.</summary>
    public double Predict(ReadOnlySpan<float> row)
    {
        int n = 0;
        while (true)
        {
            var node = _nodes[n];
            if (node.Feature < 0) return node.Value;
            n = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
        }
    }

    private struct Node
    {
        public int Feature; // −1 for a leaf
        public float Threshold;
        public int Left, Right;
        public double Value;
    }

    private sealed class Grower(TabularData data, bool[] labels, double[] weights, int maxDepth, int minimumSplitRows, List<Node> nodes)
    {
        public int Grow(int[] rows, int depth)
        {
            double positive = 0, total = 0;
            foreach (int r in rows)
            {
                total += weights[r];
                if (labels[r]) positive += weights[r];
            }
            int index = nodes.Count;
            nodes.Add(new Node { Feature = -1, Value = total > 0 ? positive / total : 0 });
            if (depth >= maxDepth || rows.Length < minimumSplitRows || positive <= 0 || positive >= total) return index;

            var (feature, threshold) = BestSplit(rows, positive, total);
            if (feature < 0) return index;
            var left = rows.Where(r => data[r, feature] <= threshold).ToArray();
            var right = rows.Where(r => data[r, feature] > threshold).ToArray();
            int l = Grow(left, depth + 1);
            int rr = Grow(right, depth + 1);
            nodes[index] = new Node { Feature = feature, Threshold = threshold, Left = l, Right = rr, Value = nodes[index].Value };
            return index;
        }

        private (int Feature, float Threshold) BestSplit(int[] rows, double positive, double total)
        {
            double parent = Gini(positive, total) * total;
            double bestGain = 1e-12;
            int bestFeature = -1;
            float bestThreshold = 0;
            var keys = new float[rows.Length];
            var order = new int[rows.Length];
            for (int f = 0; f < data.Columns; f++)
            {
                for (int i = 0; i < rows.Length; i++) { keys[i] = data[rows[i], f]; order[i] = rows[i]; }
                Array.Sort(keys, order);
                double leftPositive = 0, leftTotal = 0;
                for (int i = 0; i < rows.Length - 1; i++)
                {
                    double w = weights[order[i]];
                    leftTotal += w;
                    if (labels[order[i]]) leftPositive += w;
                    if (keys[i] == keys[i + 1]) continue;
                    double rightTotal = total - leftTotal, rightPositive = positive - leftPositive;
                    double gain = parent - Gini(leftPositive, leftTotal) * leftTotal - Gini(rightPositive, rightTotal) * rightTotal;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestFeature = f;
                        // The midpoint, unless rounding puts it on the upper value: then the lower one still separates.
                        float mid = keys[i] + (keys[i + 1] - keys[i]) / 2;
                        bestThreshold = mid < keys[i + 1] ? mid : keys[i];
                    }
                }
            }
            return (bestFeature, bestThreshold);
        }

        private static double Gini(double positive, double total)
        {
            if (total <= 0) return 0;
            double p = positive / total;
            return 2 * p * (1 - p);
        }
    }
}
