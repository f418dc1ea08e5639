using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Regularization;

/// <summary>
/// Drops whole source nodes from message passing during training: each source is silenced with probability p and
/// every edge leaving it removed, so no target hears from it in this forward. Targets keep their own rows (and
/// self-loops where a layer adds them). Identity in evaluation; deterministic with a seeded generator.
/// </summary>
public sealed class DropNode : nn.Module<MessageGraph, MessageGraph>
{
    private readonly Generator? generator;

    public double P { get; }

    public DropNode(double p, Generator? generator = null) : base(nameof(DropNode))
    {
        RandomMask.RequireRate(nameof(DropNode), p);
        P = p; this.generator = generator;
    }

    public override MessageGraph forward(MessageGraph g)
    {
        if (!training || P == 0) return g;
        // One node draw shared by all relations: a dropped node is silent in every relation.
        var keepNode = RandomMask.Keep(g.NumSources, P, generator);
        return EdgeMasking.Keep(g, a =>
        {
            var keep = new bool[a.Nnz];
            for (int e = 0; e < a.Nnz; e++) keep[e] = keepNode[a.ColIdx[e]];
            return keep;
        });
    }
}
