using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vigil.Safety.Policy.Model;

/// <summary>The feed-forward block: down_proj(silu(gate_proj(x)) · up_proj(x)), all without bias.</summary>
public sealed class SwiGluMlp : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _gate, _up, _down;

    public SwiGluMlp(TransformerConfig config) : base(nameof(SwiGluMlp))
    {
        _gate = Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _up = Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _down = Linear(config.IntermediateSize, config.HiddenSize, hasBias: false);
        register_module("gate_proj", _gate);
        register_module("up_proj", _up);
        register_module("down_proj", _down);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var gated = functional.silu(_gate.forward(x)).mul_(_up.forward(x));
        return _down.forward(gated).MoveToOuterDisposeScope();
    }
}
