using Vigil.Graphs.Nn.Connections;
using Vigil.Graphs.Nn.Norm;
using Vigil.Graphs.Nn.Regularization;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// Architecture settings for <see cref="NodeModels.Create"/>. Null means "the paper's Planetoid/Cora default for
/// this model" (see <see cref="PaperDefaults"/>); the switches below the first group default to off.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>
    /// Depth: message-passing layers (gcn, gat, sage, sage-max, gin, rgcn, gcnii), propagation layers (agnn),
    /// linear layers (mlp, and appnp's predictor MLP), or propagation steps K for sgc when <see cref="K"/> is unset.
    /// </summary>
    public int? Layers { get; init; }
    /// <summary>Hidden width (per head for gat).</summary>
    public int? Hidden { get; init; }
    /// <summary>Attention heads of gat's hidden layers (concatenated).</summary>
    public int? Heads { get; init; }
    /// <summary>Attention heads of gat's output layer (averaged).</summary>
    public int? OutputHeads { get; init; }
    /// <summary>Dropout on the input features and on every hidden representation.</summary>
    public double? Dropout { get; init; }
    /// <summary>Dropout on gat's attention coefficients.</summary>
    public double? AttentionDropout { get; init; }
    /// <summary>Dropout on the propagation matrix's entries at each appnp step.</summary>
    public double? EdgeDropout { get; init; }
    /// <summary>Teleport α (appnp), initial-residual α (gcnii, and <see cref="ResidualMode.Initial"/>).</summary>
    public double? Alpha { get; init; }
    /// <summary>GCNII's λ in β_l = ln(λ/l + 1).</summary>
    public double? Lambda { get; init; }
    /// <summary>Propagation steps (sgc, appnp).</summary>
    public int? K { get; init; }
    /// <summary>Bases for rgcn's basis decomposition (null: a free weight per relation).</summary>
    public int? NumBases { get; init; }

    /// <summary>Relations rgcn expects in each graph's <see cref="MessageGraph.Relations"/> (1: a plain graph).</summary>
    public int NumRelations { get; init; } = 1;
    /// <summary>
    /// Column widths of the feature blocks for models with a branched input stage (botrgcn, rgt, simplehgn, hgt):
    /// each block gets its own input layer, as BotRGCN does for numeric, categorical, description and tweet
    /// features. Null: one input layer over all columns.
    /// </summary>
    public IReadOnlyList<int>? InputBranches { get; init; }
    /// <summary>PairNorm after every hidden layer of the layer-stack models (null: none).</summary>
    public PairNormMode? PairNorm { get; init; }
    public double PairNormScale { get; init; } = 1.0;
    /// <summary>Batch norm after every hidden layer of the layer-stack models.</summary>
    public bool BatchNorm { get; init; }
    public ResidualMode Residual { get; init; } = ResidualMode.None;
    /// <summary>Jumping knowledge over the hidden layers, then a linear output layer (null: none).</summary>
    public JumpingKnowledgeMode? JumpingKnowledge { get; init; }
    /// <summary>DropEdge rate per training forward (0: off).</summary>
    public double DropEdge { get; init; }
    /// <summary>DropNode rate per training forward (0: off).</summary>
    public double DropNode { get; init; }
    /// <summary>Structured DropAttribute rate on the input features (0: off); ordinary dropout is <see cref="Dropout"/>.</summary>
    public double DropAttribute { get; init; }
    public DropAttributeMode DropAttributeMode { get; init; } = DropAttributeMode.Column;
    /// <summary>Seeds a dedicated generator for DropEdge/DropNode/DropAttribute (null: the global torch generator).</summary>
    public long? Seed { get; init; }

    /// <summary>These options with every unset paper setting taken from <paramref name="defaults"/>.</summary>
    public ModelOptions Over(ModelOptions defaults) => this with
    {
        Layers = Layers ?? defaults.Layers,
        Hidden = Hidden ?? defaults.Hidden,
        Heads = Heads ?? defaults.Heads,
        OutputHeads = OutputHeads ?? defaults.OutputHeads,
        Dropout = Dropout ?? defaults.Dropout,
        AttentionDropout = AttentionDropout ?? defaults.AttentionDropout,
        EdgeDropout = EdgeDropout ?? defaults.EdgeDropout,
        Alpha = Alpha ?? defaults.Alpha,
        Lambda = Lambda ?? defaults.Lambda,
        K = K ?? defaults.K,
        NumBases = NumBases ?? defaults.NumBases,
    };

    /// <summary>True when any option that only the layer-stack models implement is switched on.</summary>
    internal bool UsesStackFeatures => PairNorm is not null || BatchNorm || Residual != ResidualMode.None || JumpingKnowledge is not null;
}
