using TorchSharp;
using TorchSharp.Modules;
using Vigil.Graphs.Nn;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Adam with the papers' betas (0.9, 0.999) and, where the model separates them, two weight decays; AdamW
/// (decoupled weight decay) when the options ask for it, as BotRGCN trains.
/// </summary>
internal static class OptimizerFactory
{
    public static optim.Optimizer Create(NodeModel model, TrainerOptions options)
    {
        if (options.DecoupledWeightDecay)
            return optim.AdamW(model.parameters(), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false);
        if (options.DenseWeightDecay is { } dense && model is IWeightDecayGroups groups)
        {
            var paramGroups = new[]
            {
                new Adam.ParamGroup(groups.ConvolutionParameters(), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false),
                new Adam.ParamGroup(groups.DenseParameters(), options.LearningRate, 0.9, 0.999, 1e-8, dense, false, false),
            };
            return optim.Adam(paramGroups, options.LearningRate, 0.9, 0.999, 1e-8, 0, false, false);
        }
        return optim.Adam(model.parameters(), options.LearningRate, 0.9, 0.999, 1e-8, options.WeightDecay, false, false);
    }
}
