using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// An in-memory copy of a model's parameters and buffers at its best validation epoch, so the reported model is
/// the selected one, not the last one.
/// </summary>
internal sealed class BestCheckpoint : IDisposable
{
    private readonly nn.Module _model;
    private Dictionary<string, Tensor>? _state;

    public int Epoch { get; private set; }
    public double ValAccuracy { get; private set; } = double.NegativeInfinity;
    public double ValLoss { get; private set; } = double.PositiveInfinity;

    public BestCheckpoint(nn.Module model) => _model = model;

    public void Capture(int epoch, double valAccuracy, double valLoss)
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
