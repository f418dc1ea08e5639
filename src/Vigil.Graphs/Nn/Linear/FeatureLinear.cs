using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Linear;

/// <summary>
/// x·W + b with W stored as [in, out] (Glorot-initialised, as the GCN/GAT papers do), accepting dense tensors
/// or <see cref="FeatureInput"/> so a sparse bag-of-words input is multiplied without densifying.
/// </summary>
public sealed class FeatureLinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Parameter Weight => weight;
    public Parameter? Bias => bias;

    public FeatureLinear(int inFeatures, int outFeatures, bool hasBias = true) : base(nameof(FeatureLinear))
    {
        if (inFeatures <= 0 || outFeatures <= 0)
            throw new ArgumentException($"{nameof(FeatureLinear)} needs positive sizes, got {inFeatures}→{outFeatures}.");
        InFeatures = inFeatures; OutFeatures = outFeatures;
        weight = new Parameter(nn.init.xavier_uniform_(empty(inFeatures, outFeatures)));
        if (hasBias) bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        LayerInput.RequireFeatures(nameof(FeatureLinear), x, InFeatures);
        var y = x.matmul(weight);
        return bias is null ? y : y + bias;
    }

    public Tensor forward(FeatureInput x)
    {
        if (x.Cols != InFeatures)
            throw new ArgumentException($"{nameof(FeatureLinear)}: features have {x.Cols} columns, the layer expects {InFeatures}.");
        var y = x.MatMul(weight);
        return bias is null ? y : y + bias;
    }
}
