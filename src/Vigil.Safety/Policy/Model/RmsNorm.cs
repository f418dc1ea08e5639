using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Model;

/// <summary>Root-mean-square layer norm with a learned scale (<c>weight</c>), computed in float32 as Qwen2/Llama do.</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly double _eps;

    public RmsNorm(long size, double eps) : base(nameof(RmsNorm))
    {
        _eps = eps;
        weight = nn.Parameter(ones(size));
        RegisterComponents();
    }

    // Named as Hugging Face names it, so the state dict maps 1:1 to checkpoints.
    public readonly TorchSharp.Modules.Parameter weight;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.dtype == ScalarType.Float32 ? input : input.to_type(ScalarType.Float32);
        var normalised = x * x.square().mean([-1L], keepdim: true).add_(_eps).rsqrt_();
        return (weight * normalised.to_type(input.dtype)).MoveToOuterDisposeScope();
    }
}
