namespace Vigil.Bots.Baselines.Learners;

/// <summary>A binary classifier over dense features (positive = bot), trained with a seed.</summary>
public interface ITabularLearner
{
    /// <summary>The model's name and hyperparameters, as JSON members (written into a baseline's config).</summary>
    string Config { get; }

    ITabularModel Fit(TabularData train, int seed);
}

/// <summary>A fitted classifier: a positive-class probability (or a score with 0.5 as its decision point) per row.</summary>
public interface ITabularModel
{
    double[] Predict(TabularData data);
}
