using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Norm;

/// <summary>
/// PairNorm (Zhao &amp; Akoglu 2020): keeps the total pairwise distance of node representations constant so that
/// deep stacks cannot collapse them (over-smoothing). Statistics are over the rows given (the whole graph, or a
/// block's targets). Like batch norm it is part of the function, so it acts in training and evaluation alike.
/// </summary>
public sealed class PairNorm : nn.Module<Tensor, Tensor>
{
    // The reference implementation's guard against a zero norm.
    private const double Epsilon = 1e-6;

    public PairNormMode Mode { get; }
    public double Scale { get; }

    public PairNorm(PairNormMode mode = PairNormMode.PN, double scale = 1.0) : base(nameof(PairNorm))
    {
        if (scale <= 0) throw new ArgumentException($"{nameof(PairNorm)} scale s must be positive, got {scale}.");
        Mode = mode; Scale = scale;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 2) throw new ArgumentException($"{nameof(PairNorm)} expects [nodes, features], got [{string.Join(", ", x.shape)}].");
        var colMean = x.mean([0], keepdim: true);
        switch (Mode)
        {
            case PairNormMode.PN:
            {
                var c = x - colMean;
                var meanRowNorm = (c.pow(2).sum(1).mean() + Epsilon).sqrt();
                return c * Scale / meanRowNorm;
            }
            case PairNormMode.PNSI:
            {
                var c = x - colMean;
                return c * Scale / (c.pow(2).sum(1, keepdim: true) + Epsilon).sqrt();
            }
            case PairNormMode.PNSCS:
                return x * Scale / (x.pow(2).sum(1, keepdim: true) + Epsilon).sqrt() - colMean;
            default:
                throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown PairNorm mode.");
        }
    }
}
