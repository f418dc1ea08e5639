using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Regularization;

/// <summary>
/// DropEdge (Rong et al. 2020): each training forward removes every edge independently with probability p and
/// returns a new message graph, whose normalisations are then computed for the thinned graph (the paper
/// renormalises after dropping). Identity in evaluation. Draws from <paramref name="generator"/> when given, so
/// a seeded generator reproduces the same sequence of graphs.
/// </summary>
public sealed class DropEdge : nn.Module<MessageGraph, MessageGraph>
{
    private readonly Generator? generator;

    public double P { get; }

    public DropEdge(double p, Generator? generator = null) : base(nameof(DropEdge))
    {
        RandomMask.RequireRate(nameof(DropEdge), p);
        P = p; this.generator = generator;
    }

    public override MessageGraph forward(MessageGraph g) =>
        !training || P == 0 ? g : EdgeMasking.Keep(g, a => RandomMask.Keep(a.Nnz, P, generator));
}
