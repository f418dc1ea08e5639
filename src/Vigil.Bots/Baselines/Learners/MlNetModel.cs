using Microsoft.ML;

namespace Vigil.Bots.Baselines.Learners;

/// <summary>A fitted ML.NET transformer over <see cref="MlNetData"/>'s view.</summary>
internal sealed class MlNetModel(MLContext ml, ITransformer model) : ITabularModel
{
    public double[] Predict(TabularData data) => MlNetData.PositiveProbability(model.Transform(MlNetData.ToView(ml, data)));
}
