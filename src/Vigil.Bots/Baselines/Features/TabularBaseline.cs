using System.Text.Json;
using Vigil.Bots.Baselines.Features.Inputs;
using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// A feature-based baseline: the features its paper used (those whose inputs the dataset has), a tabular learner,
/// and optionally SMOTE on the training rows. Trains on the train users only (the papers select nothing on a
/// validation set); the decision threshold is 0.5 on the learner's probability.
/// </summary>
public sealed class TabularBaseline : IBotDetector
{
    private readonly IReadOnlyList<UserFeature> _features;
    private readonly ITabularLearner _learner;
    private readonly Smote? _smote;
    private readonly DataInput _required;

    /// <param name="name">Leaderboard name, after the paper.</param>
    /// <param name="paper">The paper, for the config and the docs.</param>
    /// <param name="features">The paper's features; those the dataset lacks inputs for are left out.</param>
    /// <param name="required">Inputs without which the method does not run at all.</param>
    public TabularBaseline(string name, string paper, IReadOnlyList<UserFeature> features, ITabularLearner learner,
        Smote? smote = null, DataInput required = DataInput.Profile)
    {
        Name = name;
        Paper = paper;
        _features = features;
        _learner = learner;
        _smote = smote;
        _required = required;
        var members = new List<string>
        {
            $"\"paper\":{JsonSerializer.Serialize(paper)}",
            _learner.Config,
        };
        if (_smote is not null) members.Add(_smote.Config);
        members.Add($"\"features\":{JsonSerializer.Serialize(features.Select(f => f.Name))}");
        Config = "{" + string.Join(",", members) + "}";
    }

    public string Name { get; }
    public string Paper { get; }
    public DetectorFamily Family => DetectorFamily.Feature;
    public bool RequiresUserEdges => _required.HasFlag(DataInput.UserEdges);
    public string Config { get; }
    public IReadOnlyList<UserFeature> PaperFeatures => _features;

    /// <summary>The paper's features that <paramref name="task"/>'s dataset has inputs for.</summary>
    public IReadOnlyList<UserFeature> FeaturesFor(BotDetectionTask task)
    {
        var available = DataInputs.Available(task);
        return _features.Where(f => (available & f.Needs) == f.Needs).ToList();
    }

    public string? Unsupported(BotDetectionTask task)
    {
        var missing = _required & ~DataInputs.Available(task);
        if (missing != 0) return $"the dataset lacks {missing}";
        return FeaturesFor(task).Count == 0 ? "the dataset has none of the paper's inputs" : null;
    }

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        var features = FeaturesFor(task);
        var train = TabularFeatures.Build(task, features, task.Train);
        if (_smote is not null) train = _smote.Resample(train, seed);
        cancellation.ThrowIfCancellationRequested();
        return new Fitted(task, features, _learner.Fit(train, seed));
    }

    private sealed class Fitted(BotDetectionTask task, IReadOnlyList<UserFeature> features, ITabularModel model) : IFittedBotDetector
    {
        public double Threshold => 0.5;

        public double[] Score(int[] userRows) => model.Predict(TabularFeatures.Build(task, features, userRows));
    }
}
