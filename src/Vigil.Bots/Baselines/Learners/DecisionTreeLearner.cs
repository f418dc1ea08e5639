namespace Vigil.Bots.Baselines.Learners;

/// <summary>One CART tree (<see cref="DecisionTree"/>), grown to <paramref name="maxDepth"/> with equal row weights; deterministic.</summary>
public sealed class DecisionTreeLearner(int maxDepth = 32) : ITabularLearner
{
    public string Config => $"\"model\":\"decision_tree\",\"criterion\":\"gini\",\"max_depth\":{maxDepth}";

    public ITabularModel Fit(TabularData train, int seed)
    {
        var weights = new double[train.Rows];
        Array.Fill(weights, 1.0);
        return new Model(DecisionTree.Grow(train, train.RequireLabels(), weights, maxDepth));
    }

    private sealed class Model(DecisionTree tree) : ITabularModel
    {
        public double[] Predict(TabularData data)
        {
            var p = new double[data.Rows];
            for (int i = 0; i < data.Rows; i++) p[i] = tree.Predict(data.Row(i));
            return p;
        }
    }
}
