using Microsoft.ML;

namespace Vigil.Bots.Baselines.Learners;

/// <summary>
/// L2-regularised logistic regression via ML.NET's L-BFGS trainer, on features standardised to zero mean and unit
/// variance (counts span many orders of magnitude). Deterministic: every seed gives the same model.
/// </summary>
public sealed class LogisticRegressionLearner(float l2 = 1f) : ITabularLearner
{
    public string Config => $"\"model\":\"logistic_regression\",\"solver\":\"lbfgs\",\"l2\":{l2}";

    public ITabularModel Fit(TabularData train, int seed)
    {
        var ml = new MLContext(seed);
        var pipeline = ml.Transforms.NormalizeMeanVariance(MlNetData.Features)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(MlNetData.Label, MlNetData.Features, l2Regularization: l2));
        return new MlNetModel(ml, pipeline.Fit(MlNetData.ToView(ml, train)));
    }
}
