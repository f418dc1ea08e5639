using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Hetero;

/// <summary>
/// Relation-level attention (HAN's semantic attention, as RGT uses it): each head scores relation r by the
/// mean over nodes of q·tanh(W·z_r + b), softmaxes the scores across relations and mixes the per-relation
/// representations with them; the heads' mixtures are averaged. z: [N, R, C] → [N, C].
/// </summary>
public sealed class SemanticAttention : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> scorers = new();

    public int Channels { get; }
    public int Heads { get; }

    public SemanticAttention(int channels, int heads = 1, int hidden = 128) : base(nameof(SemanticAttention))
    {
        if (heads < 1) throw new ArgumentException($"{nameof(SemanticAttention)} needs at least one head, got {heads}.");
        Channels = channels; Heads = heads;
        for (int h = 0; h < heads; h++)
            scorers.Add(nn.Sequential(nn.Linear(channels, hidden), nn.Tanh(), nn.Linear(hidden, 1, hasBias: false)));
        RegisterComponents();
    }

    /// <summary>The relation weights of each head, [Heads, R] (rows sum to 1): which relations the layer trusts.</summary>
    public Tensor RelationWeights(Tensor z)
    {
        var perHead = scorers.Select(s => nn.functional.softmax(s.forward(z).mean([0]).squeeze(-1), 0)).ToArray();
        return stack(perHead);
    }

    public override Tensor forward(Tensor z)
    {
        if (z.dim() != 3 || z.shape[2] != Channels)
            throw new ArgumentException($"{nameof(SemanticAttention)} expects [N, R, {Channels}], got [{string.Join(", ", z.shape)}].");
        Tensor? sum = null;
        foreach (var scorer in scorers)
        {
            using var beta = nn.functional.softmax(scorer.forward(z).mean([0]), 0);   // [R, 1]
            var mixed = (z * beta).sum(1);                                             // [N, C]
            sum = sum is null ? mixed : sum.add_(mixed);
        }
        return Heads == 1 ? sum! : sum!.div_(Heads);
    }
}
