using Vigil.Graphs.Nn.Conv;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>Builds a node-classification model by name with its paper defaults, overridden by the options given.</summary>
public static class NodeModels
{
    public static IReadOnlyList<string> Names { get; } =
        ["gcn", "gat", "sage", "sage-max", "gin", "sgc", "appnp", "gcnii", "agnn", "mlp", "rgcn", "botrgcn", "rgt", "simplehgn", "hgt"];

    public static NodeModel Create(string name, int inFeatures, int numClasses, ModelOptions? options = null)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"Unknown model '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
        if (inFeatures < 1) throw new ArgumentException($"Model '{name}' needs at least one input feature, got {inFeatures}.");
        if (numClasses < 1) throw new ArgumentException($"Model '{name}' needs at least one class, got {numClasses}.");
        var o = (options ?? new ModelOptions()).Over(PaperDefaults.For(name));
        bool stack = name is "gcn" or "gat" or "sage" or "sage-max" or "gin" or "rgcn";
        if (!stack && o.UsesStackFeatures)
            throw new ArgumentException($"Model '{name}' has its own fixed architecture: PairNorm, batch norm, residual and jumping-knowledge options apply to gcn, gat, sage, sage-max, gin and rgcn only.");
        bool relational = name is "rgcn" or "botrgcn" or "rgt" or "simplehgn" or "hgt";
        if (!relational && o.NumRelations != 1)
            throw new ArgumentException($"Model '{name}' is single-relational; {o.NumRelations} relations need rgcn, botrgcn, rgt, simplehgn or hgt.");
        if (o.InputBranches is not null && name is not ("botrgcn" or "rgt" or "simplehgn" or "hgt"))
            throw new ArgumentException($"Model '{name}' has no branched input stage; input branches apply to botrgcn, rgt, simplehgn and hgt.");

        var perturbation = new GraphPerturbation(o.DropEdge, o.DropNode, o.DropAttribute, o.DropAttributeMode,
            o.Seed is long seed ? new Generator((ulong)seed) : null);
        var stackOptions = new ConvStackOptions
        {
            Layers = o.Layers ?? 2, Hidden = o.Hidden ?? 16, Dropout = o.Dropout ?? 0,
            PairNorm = o.PairNorm, PairNormScale = o.PairNormScale, BatchNorm = o.BatchNorm,
            Residual = o.Residual, ResidualAlpha = o.Alpha ?? 0.1, JumpingKnowledge = o.JumpingKnowledge,
        };
        return name switch
        {
            "gcn" => new GcnModel(inFeatures, numClasses, stackOptions, perturbation),
            "gat" => new GatModel(inFeatures, numClasses, stackOptions, perturbation, o.Heads!.Value, o.OutputHeads!.Value, o.AttentionDropout!.Value),
            "sage" => new SageModel(inFeatures, numClasses, stackOptions, perturbation, SageAggregator.Mean),
            "sage-max" => new SageModel(inFeatures, numClasses, stackOptions, perturbation, SageAggregator.Max),
            "gin" => new GinModel(inFeatures, numClasses, stackOptions, perturbation),
            "rgcn" => new RgcnModel(inFeatures, numClasses, stackOptions, perturbation, o.NumRelations, o.NumBases),
            // SGC's depth is its K; --layers sets it when K is not given.
            "sgc" => new SgcModel(inFeatures, numClasses, options?.K ?? options?.Layers ?? o.K!.Value, o.Dropout!.Value, perturbation),
            "appnp" => new AppnpModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.Dropout!.Value, o.K!.Value,
                o.Alpha!.Value, o.EdgeDropout!.Value, perturbation),
            "gcnii" => new Gcn2Model(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.Alpha!.Value, o.Lambda!.Value,
                o.Dropout!.Value, perturbation),
            "rgt" => new RgtModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.NumRelations, o.Heads!.Value,
                o.OutputHeads!.Value, o.Dropout!.Value, o.AttentionDropout!.Value, perturbation, o.InputBranches),
            "simplehgn" => new SimpleHgnModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.NumRelations, o.Heads!.Value,
                o.Dropout!.Value, o.AttentionDropout!.Value, perturbation, o.InputBranches),
            "hgt" => new HgtModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.NumRelations, o.Heads!.Value,
                o.Dropout!.Value, o.AttentionDropout!.Value, perturbation, o.InputBranches),
            "botrgcn" => new BotRgcnModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.NumRelations, o.Dropout!.Value,
                perturbation, o.InputBranches),
            "agnn" => new AgnnModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.Dropout!.Value, perturbation),
            _ => new MlpModel(inFeatures, numClasses, o.Layers!.Value, o.Hidden!.Value, o.Dropout!.Value, perturbation),
        };
    }
}
