using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Nas.Training;

/// <summary>A copy of a module's parameters and buffers, to restore the selected epoch after training goes on.</summary>
internal sealed class ParameterSnapshot : IDisposable
{
    private readonly nn.Module _module;
    private Dictionary<string, Tensor>? _state;

    public ParameterSnapshot(nn.Module module) => _module = module;

    public void Capture()
    {
        using var _ = no_grad();
        if (_state is null)
        {
            _state = new Dictionary<string, Tensor>();
            foreach (var (name, t) in _module.state_dict()) _state[name] = t.detach().clone().DetachFromDisposeScope();
        }
        else
        {
            foreach (var (name, t) in _module.state_dict()) _state[name].copy_(t);
        }
    }

    public void Restore()
    {
        if (_state is null) return;
        using var _ = no_grad();
        foreach (var (name, t) in _module.state_dict()) t.copy_(_state[name]);
    }

    public void Dispose()
    {
        if (_state is null) return;
        foreach (var t in _state.Values) t.Dispose();
        _state = null;
    }
}
