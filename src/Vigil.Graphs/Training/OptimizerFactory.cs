using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Adam with the papers' betas (0.9, 0.999) and, where the model separates them, two weight decays; AdamW
/// (decoupled weight decay) when the options ask for it, as BotRGCN trains.
/// </summary>
public static class OptimizerFactory
{
    internal static optim.Optimizer Create(NodeModel model, TrainerOptions options) =>
        Create(model, options.LearningRate, options.WeightDecay, options.DenseWeightDecay, options.DecoupledWeightDecay);

    /// <param name="denseWeightDecay">The input/output layers' decay where the model separates them
    /// (<see cref="IWeightDecayGroups"/>); null: <paramref name="weightDecay"/> for all.</param>
    public static optim.Optimizer Create(NodeModel model, double learningRate, double weightDecay, double? denseWeightDecay = null, bool decoupled = false)
    {
        if (decoupled)
            return optim.AdamW(model.parameters(), learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false);
        if (denseWeightDecay is { } dense && model is IWeightDecayGroups groups)
        {
            var paramGroups = new[]
            {
                new Adam.ParamGroup(groups.ConvolutionParameters(), learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false),
                new Adam.ParamGroup(groups.DenseParameters(), learningRate, 0.9, 0.999, 1e-8, dense, false, false),
            };
            return optim.Adam(paramGroups, learningRate, 0.9, 0.999, 1e-8, 0, false, false);
        }
        return optim.Adam(model.parameters(), learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false);
    }
}
