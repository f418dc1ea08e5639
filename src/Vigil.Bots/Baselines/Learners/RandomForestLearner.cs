using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Vigil.Bots.Baselines.Learners;

/// <summary>
/// Random forest via ML.NET's FastForest: <paramref name="trees"/> trees, each on a bagged sample of the rows, with
/// up to <paramref name="leaves"/> leaves. The scores are the trees' mean vote, a probability-like number in [0, 1].
/// </summary>
public sealed class RandomForestLearner(int trees = 100, int leaves = 64, int minimumLeafRows = 2) : ITabularLearner
{
    public string Config => $"\"model\":\"random_forest\",\"trees\":{trees},\"leaves\":{leaves},\"min_leaf_rows\":{minimumLeafRows}";

    public ITabularModel Fit(TabularData train, int seed)
    {
        var ml = new MLContext(seed);
        var options = new FastForestBinaryTrainer.Options
        {
            LabelColumnName = MlNetData.Label,
            FeatureColumnName = MlNetData.Features,
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minimumLeafRows,
            Seed = seed,
        };
        var model = ml.BinaryClassification.Trainers.FastForest(options).Fit(MlNetData.ToView(ml, train));
        return new MlNetModel(ml, model);
    }
}
