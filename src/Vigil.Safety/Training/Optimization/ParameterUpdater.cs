using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Safety.Training.Optimization;

/// <summary>
/// AdamW over a module's trainable parameters with the scheduled learning rate and global-norm gradient clipping;
/// its state (moments, step counts) saves and loads with the checkpoint so a resumed run updates bit for bit alike.
/// </summary>
public sealed class ParameterUpdater : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly OptimizerSettings _settings;
    private readonly LearningRateSchedule _schedule;

    public AdamW Optimizer { get; }

    public ParameterUpdater(nn.Module module, OptimizerSettings settings, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(module);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _schedule = settings.Schedule(totalSteps);
        _parameters = module.parameters().Where(p => p.requires_grad).ToArray();
        if (_parameters.Length == 0) throw new ArgumentException("The module has no trainable parameters.", nameof(module));
        Optimizer = optim.AdamW(_parameters, settings.LearningRate, settings.Beta1, settings.Beta2, settings.AdamEpsilon, settings.WeightDecay, false, false);
    }

    public double LearningRateAt(int step) => _schedule.At(step);

    public void ZeroGradients() => Optimizer.zero_grad();

    /// <summary>Clips, sets step <paramref name="step"/>'s learning rate and updates; returns the gradient norm before clipping.</summary>
    public double Step(int step)
    {
        double norm;
        using (NewDisposeScope())
        {
            if (_settings.MaxGradientNorm > 0) norm = nn.utils.clip_grad_norm_(_parameters, _settings.MaxGradientNorm);
            else norm = Math.Sqrt(_parameters.Where(p => p.grad is not null).Sum(p => p.grad!.pow(2).sum().item<float>()));
        }
        double lr = _schedule.At(step);
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = lr;
        Optimizer.step();
        return norm;
    }

    public void Save(string path) => Optimizer.save_state_dict(path);

    public void Load(string path) => Optimizer.load_state_dict(path);

    public void Dispose() => Optimizer.Dispose();
}
