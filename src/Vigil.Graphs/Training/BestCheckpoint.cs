using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Model selection and early stopping for both trainers: an in-memory copy of a model's parameters and buffers at
/// its best validation epoch (so the reported model is the selected one, not the last one), and the patience
/// count, which restarts whenever the selected epoch or the lowest validation loss improves.
/// </summary>
internal sealed class BestCheckpoint : IDisposable
{
    private readonly nn.Module _model;
    private readonly TrainerOptions _options;
    private Dictionary<string, Tensor>? _state;
    private double _lowestValLoss = double.PositiveInfinity;
    private int _sinceImprovement;

    public int Epoch { get; private set; }
    public double ValAccuracy { get; private set; } = double.NegativeInfinity;
    public double ValLoss { get; private set; } = double.PositiveInfinity;

    public BestCheckpoint(nn.Module model, TrainerOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>Records one epoch's validation numbers; true when patience has run out and training should stop.</summary>
    public bool RecordEpoch(int epoch, double valAccuracy, double valLoss)
    {
        bool improved = false;
        if (_options.IsBetter(valAccuracy, valLoss, ValAccuracy, ValLoss))
        {
            Capture(epoch, valAccuracy, valLoss);
            improved = true;
        }
        if (valLoss < _lowestValLoss) { _lowestValLoss = valLoss; improved = true; }
        _sinceImprovement = improved ? 0 : _sinceImprovement + 1;
        return _sinceImprovement >= _options.Patience;
    }

    private void Capture(int epoch, double valAccuracy, double valLoss)
    {
        Epoch = epoch; ValAccuracy = valAccuracy; ValLoss = valLoss;
        using var _ = no_grad();
        if (_state is null)
        {
            _state = new Dictionary<string, Tensor>();
            foreach (var (name, t) in _model.state_dict()) _state[name] = t.detach().clone().DetachFromDisposeScope();
        }
        else
        {
            foreach (var (name, t) in _model.state_dict()) _state[name].copy_(t);
        }
    }

    public void Restore()
    {
        if (_state is null) return;
        using var _ = no_grad();
        foreach (var (name, t) in _model.state_dict()) t.copy_(_state[name]);
    }

    public void Dispose()
    {
        if (_state is null) return;
        foreach (var t in _state.Values) t.Dispose();
        _state = null;
    }
}
