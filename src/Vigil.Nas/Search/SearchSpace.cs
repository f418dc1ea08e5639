using Vigil.Graphs.Nn.Conv;
using Vigil.Nas.Operations;

namespace Vigil.Nas.Search;

/// <summary>
/// The candidate operations of a search, by name, with the settings they are built with. Every name maps to a
/// factory in <see cref="Factories"/>; <see cref="GraToOperations"/> is the set of the GraTO paper.
/// </summary>
public sealed class SearchSpace
{
    /// <summary>DARTS's zero operation; it may be searched over but is never kept in a genotype.</summary>
    public const string None = "none";

    /// <summary>
    /// GraTO's candidates: five aggregations (each with PairNorm and ReLU), three DropAttribute variants (one column,
    /// one node row, element-wise) and DropEdge.
    /// </summary>
    public static IReadOnlyList<string> GraToOperations { get; } =
        ["gcn", "gat", "sage", "agnn", "sgc", "drop-column", "drop-row", "drop-element", "drop-edge"];

    /// <summary>Operation name → factory, for every operation a search space or genotype may name.</summary>
    public static IReadOnlyDictionary<string, Func<OperationContext, SearchOperation>> Factories { get; } =
        new Dictionary<string, Func<OperationContext, SearchOperation>>
        {
            ["gcn"] = c => new ConvolutionOperation("gcn", new GcnConv(c.Hidden, c.Hidden), c),
            ["gat"] = c => new ConvolutionOperation("gat", new GatConv(c.Hidden, c.Hidden, heads: 1, attentionDropout: c.Options.AttentionDropout), c),
            ["sage"] = c => new ConvolutionOperation("sage", new SageConv(c.Hidden, c.Hidden), c),
            ["agnn"] = c => new ConvolutionOperation("agnn", new AgnnConv(learnableBeta: true), c),
            ["sgc"] = c => new ConvolutionOperation("sgc", new SgcConv(c.Hidden, c.Hidden, c.Options.SgcSteps), c),
            ["gin"] = c => new ConvolutionOperation("gin", new GinConv(c.Hidden, c.Hidden, c.Hidden), c),
            ["gcnii"] = c => new InitialResidualOperation(c),
            // Personalised-PageRank propagation: K steps that teleport back to the operation's input, so one
            // operation reaches far without smoothing; an extension beyond GraTO's set, like gin, gcnii and identity.
            ["appnp"] = c => new ConvolutionOperation("appnp", new AppnpPropagation(c.Options.AppnpSteps, c.Options.AppnpAlpha), c),
            // The same propagation teleporting to the network's initial representation, which anchors deep stacks.
            [InitialTeleportOperation.OperationName] = c => new InitialTeleportOperation(c),
            ["drop-column"] = c => new DropSliceOperation("drop-column", dimension: 1, c.Generator),
            ["drop-row"] = c => new DropSliceOperation("drop-row", dimension: 0, c.Generator),
            ["drop-element"] = c => new ElementDropoutOperation(c.Options.ElementDropRate, c.Generator),
            ["swap-rows"] = c => new SwapSliceOperation("swap-rows", dimension: 0, c.Generator),
            ["swap-columns"] = c => new SwapSliceOperation("swap-columns", dimension: 1, c.Generator),
            ["drop-edge"] = c => new DropEdgeOperation(c.Options.DropEdgeRate, c.Generator),
            ["identity"] = _ => new IdentityOperation(),
            [None] = _ => new ZeroOperation(),
        };

    public static IReadOnlyList<string> KnownOperations => Factories.Keys.ToArray();

    public IReadOnlyList<string> Operations { get; }
    public OperationOptions Options { get; }

    public SearchSpace(IEnumerable<string> operations, OperationOptions? options = null)
    {
        var names = operations.ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            RequireKnown(names[i], $"position {i} of the search space");
            int first = Array.IndexOf(names, names[i]);
            if (first != i) throw new ArgumentException($"Operation '{names[i]}' appears twice in the search space (positions {first} and {i}).");
        }
        if (names.All(n => n == None))
            throw new ArgumentException($"A search space needs at least one operation other than '{None}'.");
        Operations = names;
        Options = options ?? new OperationOptions();
    }

    /// <summary>GraTO's search space with the given (or default) operation settings.</summary>
    public static SearchSpace GraTo(OperationOptions? options = null) => new(GraToOperations, options);

    /// <summary>Builds the named operation for <paramref name="context"/>.</summary>
    public static SearchOperation Create(string operation, OperationContext context)
    {
        RequireKnown(operation, "the request");
        return Factories[operation](context);
    }

    public static void RequireKnown(string operation, string where)
    {
        if (!Factories.ContainsKey(operation))
            throw new ArgumentException($"Unknown operation '{operation}' at {where}; known: {string.Join(", ", Factories.Keys)}.");
    }
}
