namespace Vigil.Bots.Baselines.Learners;

/// <summary>
/// Discrete AdaBoost (SAMME for two classes, scikit-learn's default): <paramref name="rounds"/> CART trees of depth
/// <paramref name="depth"/> (stumps by default), each fitted to reweighted rows, weighted by
/// α = rate · ln((1 − err) / err). The score is the α-weighted share of trees that vote "bot", so 0.5 is the
/// weighted-majority decision. Stops early on a perfect tree or one no better than chance. Deterministic.
/// </summary>
public sealed class AdaBoostLearner(int rounds = 50, int depth = 1, double rate = 1.0) : ITabularLearner
{
    public string Config => $"\"model\":\"adaboost\",\"rounds\":{rounds},\"depth\":{depth},\"learning_rate\":{rate}";

    public ITabularModel Fit(TabularData train, int seed)
    {
        var labels = train.RequireLabels();
        int n = train.Rows;
        var weights = new double[n];
        Array.Fill(weights, 1.0 / n);
        var trees = new List<(DecisionTree Tree, double Alpha)>();
        var votes = new bool[n];
        for (int m = 0; m < rounds; m++)
        {
            var tree = DecisionTree.Grow(train, labels, weights, depth);
            double error = 0, sum = 0;
            for (int i = 0; i < n; i++)
            {
                votes[i] = tree.Predict(train.Row(i)) >= 0.5;
                sum += weights[i];
                if (votes[i] != labels[i]) error += weights[i];
            }
            error /= sum;
            if (error <= 1e-10)
            {
                trees.Add((tree, 1.0));
                if (trees.Count == 1) break;
                // A perfect tree outvotes the rest, as its α would be unbounded.
                trees = new List<(DecisionTree, double)> { (tree, 1.0) };
                break;
            }
            if (error >= 0.5)
            {
                if (trees.Count == 0) trees.Add((tree, 1.0));
                break;
            }
            double alpha = rate * Math.Log((1 - error) / error);
            trees.Add((tree, alpha));
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                if (votes[i] != labels[i]) weights[i] *= Math.Exp(alpha);
                total += weights[i];
            }
            for (int i = 0; i < n; i++) weights[i] /= total;
        }
        return new Model(trees);
    }

    private sealed class Model(List<(DecisionTree Tree, double Alpha)> trees) : ITabularModel
    {
        public double[] Predict(TabularData data)
        {
            double alphaSum = trees.Sum(t => t.Alpha);
            var scores = new double[data.Rows];
            for (int i = 0; i < data.Rows; i++)
            {
                double vote = 0;
                foreach (var (tree, alpha) in trees)
                    if (tree.Predict(data.Row(i)) >= 0.5) vote += alpha;
                scores[i] = vote / alphaSum;
            }
            return scores;
        }
    }
}
