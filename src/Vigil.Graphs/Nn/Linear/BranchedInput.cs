using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Linear;

/// <summary>
/// BotRGCN's input stage: the feature columns split into blocks (e.g. numeric, categorical, description and tweet
/// embeddings); each block goes through its own Linear + LeakyReLU to an equal share of the hidden width, the
/// shares are concatenated and mixed by Linear + LeakyReLU. Lets blocks of very different widths (5 numeric
/// columns beside a 384-d embedding) contribute equally. Dense input only.
/// </summary>
public sealed class BranchedInput : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<FeatureLinear> branches = new();
    private readonly FeatureLinear mix;
    private readonly int[] widths;

    public int InFeatures { get; }
    public int OutFeatures { get; }

    public BranchedInput(IReadOnlyList<int> blockWidths, int outFeatures) : base(nameof(BranchedInput))
    {
        if (blockWidths.Count < 1 || blockWidths.Any(w => w < 1))
            throw new ArgumentException($"{nameof(BranchedInput)} needs positive block widths, got [{string.Join(", ", blockWidths)}].");
        if (outFeatures < blockWidths.Count)
            throw new ArgumentException($"{nameof(BranchedInput)}: {outFeatures} hidden units cannot be shared by {blockWidths.Count} blocks.");
        widths = blockWidths.ToArray();
        InFeatures = widths.Sum(); OutFeatures = outFeatures;
        int share = outFeatures / widths.Length;
        for (int b = 0; b < widths.Length; b++)
        {
            // The last branch takes the remainder so the shares add up to the hidden width.
            int width = b == widths.Length - 1 ? outFeatures - share * (widths.Length - 1) : share;
            branches.Add(new FeatureLinear(widths[b], width));
        }
        mix = new FeatureLinear(outFeatures, outFeatures);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        LayerInput.RequireFeatures(nameof(BranchedInput), x, InFeatures);
        var parts = new Tensor[widths.Length];
        long offset = 0;
        for (int b = 0; b < widths.Length; b++)
        {
            using var block = x.narrow(1, offset, widths[b]);
            parts[b] = nn.functional.leaky_relu(branches[b].forward(block));
            offset += widths[b];
        }
        using var joined = cat(parts, 1);
        foreach (var p in parts) p.Dispose();
        return nn.functional.leaky_relu(mix.forward(joined));
    }
}
