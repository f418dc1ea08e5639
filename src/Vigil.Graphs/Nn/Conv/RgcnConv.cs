using TorchSharp;
using TorchSharp.Modules;
using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Conv;

/// <summary>
/// Relational graph convolution (Schlichtkrull et al. 2018):
/// out_i = W₀·x_i + Σ_r Σ_{j ∈ N_i^r} (1/|N_i^r|)·W_r·x_j + b, the relations taken from
/// <see cref="MessageGraph.Relations"/> (a graph without relations is one relation). W_r is free, or with
/// basis decomposition W_r = Σ_b a_rb·V_b. All of [W₀ | W₁ … W_R] is applied in one product X·W (sparse input
/// stays sparse), then each relation's slice is mean-aggregated over that relation's edges.
/// </summary>
public sealed class RgcnConv : nn.Module<Tensor, MessageGraph, Tensor>, IFeatureInputLayer
{
    private readonly Parameter? weight;      // [R, in, out] without bases
    private readonly Parameter? bases;       // [B, in, out]
    private readonly Parameter? coefficients; // [R, B]
    private readonly Parameter? root;        // [in, out]
    private readonly Parameter? bias;

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public int NumRelations { get; }
    public int? NumBases { get; }

    public RgcnConv(int inFeatures, int outFeatures, int numRelations, int? numBases = null,
        bool rootWeight = true, bool hasBias = true) : base(nameof(RgcnConv))
    {
        if (numRelations < 1) throw new ArgumentException($"{nameof(RgcnConv)} needs at least one relation, got {numRelations}.");
        if (numBases is < 1) throw new ArgumentException($"{nameof(RgcnConv)} needs at least one basis, got {numBases}.");
        InFeatures = inFeatures; OutFeatures = outFeatures; NumRelations = numRelations; NumBases = numBases;
        if (numBases is int b)
        {
            bases = new Parameter(XavierStack(b));
            coefficients = new Parameter(nn.init.xavier_uniform_(empty(numRelations, b)));
        }
        else weight = new Parameter(XavierStack(numRelations));
        if (rootWeight) root = new Parameter(nn.init.xavier_uniform_(empty(inFeatures, outFeatures)));
        if (hasBias) bias = new Parameter(zeros(outFeatures));
        RegisterComponents();
    }

    private Tensor XavierStack(int count)
    {
        var w = empty(count, InFeatures, OutFeatures);
        using (no_grad())
            for (int i = 0; i < count; i++) nn.init.xavier_uniform_(w[i]);
        return w;
    }

    public override Tensor forward(Tensor x, MessageGraph g) => forward(x, g.Relations ?? [g]);

    public Tensor forward(FeatureInput x, MessageGraph g)
    {
        var relations = RequireRelations(g.Relations ?? [g]);
        LayerInput.RequireSources(nameof(RgcnConv), x.Rows, relations[0]);
        return Aggregate(x.MatMul(Stacked()), relations);
    }

    /// <summary>The same layer over an explicit list of per-relation graphs (all one shape).</summary>
    public Tensor forward(Tensor x, IReadOnlyList<MessageGraph> relations)
    {
        RequireRelations(relations);
        LayerInput.RequireSources(nameof(RgcnConv), x.shape[0], relations[0]);
        LayerInput.RequireFeatures(nameof(RgcnConv), x, InFeatures);
        return Aggregate(x.matmul(Stacked()), relations);
    }

    private IReadOnlyList<MessageGraph> RequireRelations(IReadOnlyList<MessageGraph> relations)
    {
        if (relations.Count != NumRelations)
            throw new ArgumentException($"{nameof(RgcnConv)} was built for {NumRelations} relations but the graph has {relations.Count}.");
        for (int r = 1; r < relations.Count; r++)
            if (relations[r].NumTargets != relations[0].NumTargets || relations[r].NumSources != relations[0].NumSources)
                throw new ArgumentException($"{nameof(RgcnConv)}: relation {r} is {relations[r].NumTargets}×{relations[r].NumSources}, relation 0 is {relations[0].NumTargets}×{relations[0].NumSources}.");
        return relations;
    }

    /// <summary>[in, (root ? 1 : 0)·out + R·out]: the root weight, then every relation's weight, side by side.</summary>
    private Tensor Stacked()
    {
        var perRelation = weight ?? einsum("rb,bio->rio", coefficients!, bases!);
        var wide = perRelation.permute(1, 0, 2).reshape(InFeatures, NumRelations * OutFeatures);
        return root is null ? wide : cat([root, wide], 1);
    }

    private Tensor Aggregate(Tensor h, IReadOnlyList<MessageGraph> relations)
    {
        var g = relations[0];
        int offset = root is null ? 0 : OutFeatures;
        // Relation messages accumulate in place into the first product (which backward does not need), so the
        // layer allocates one output instead of one per relation; the root term is a view of h and is only read.
        Tensor? y = null;
        for (int r = 0; r < NumRelations; r++)   // at least one relation, checked on construction
        {
            using var slice = h.narrow(1, offset + r * OutFeatures, OutFeatures).contiguous();
            var message = SparseOps.SpMM(relations[r].MeanNormalized, slice);
            if (y is null) y = message;
            else { y.add_(message); message.Dispose(); }
        }
        if (root is not null) y!.add_(LayerInput.Targets(h, g).narrow(1, 0, OutFeatures));
        return bias is null ? y! : y!.add_(bias);
    }
}
