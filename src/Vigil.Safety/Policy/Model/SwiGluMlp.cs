using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vigil.Safety.Policy.Model;

/// <summary>The feed-forward block: down_proj(silu(gate_proj(x)) · up_proj(x)), all without bias.</summary>
public sealed class SwiGluMlp : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear gate_proj, up_proj, down_proj;

    public SwiGluMlp(TransformerConfig config) : base(nameof(SwiGluMlp))
    {
        gate_proj = Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        up_proj = Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        down_proj = Linear(config.IntermediateSize, config.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var gated = functional.silu(gate_proj.forward(x)).mul_(up_proj.forward(x));
        return down_proj.forward(gated).MoveToOuterDisposeScope();
    }
}
