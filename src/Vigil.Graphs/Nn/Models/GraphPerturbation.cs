using TorchSharp;
using Vigil.Graphs.Nn.Regularization;
using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// The random input regularisers a model applies before its layers: DropEdge and DropNode on every graph it is
/// given (one draw per graph, so a full-batch graph shared by all layers is thinned once per forward), and a
/// structured DropAttribute on the features. All identity in evaluation.
/// </summary>
public sealed class GraphPerturbation : nn.Module<FeatureInput, IReadOnlyList<MessageGraph>, (FeatureInput Features, IReadOnlyList<MessageGraph> Graphs)>
{
    private readonly DropEdge? dropEdge;
    private readonly DropNode? dropNode;
    private readonly DropAttribute? dropAttribute;

    public GraphPerturbation(double dropEdge = 0, double dropNode = 0, double dropAttribute = 0,
        DropAttributeMode attributeMode = DropAttributeMode.Column, Generator? generator = null) : base(nameof(GraphPerturbation))
    {
        if (dropEdge > 0) this.dropEdge = new DropEdge(dropEdge, generator);
        if (dropNode > 0) this.dropNode = new DropNode(dropNode, generator);
        if (dropAttribute > 0) this.dropAttribute = new DropAttribute(dropAttribute, attributeMode, generator);
        RegisterComponents();
    }

    public override (FeatureInput Features, IReadOnlyList<MessageGraph> Graphs) forward(FeatureInput x, IReadOnlyList<MessageGraph> graphs)
    {
        if (!training || (dropEdge is null && dropNode is null && dropAttribute is null)) return (x, graphs);
        var thinned = new MessageGraph[graphs.Count];
        for (int i = 0; i < graphs.Count; i++)
        {
            var g = graphs[i];
            if (dropNode is not null) g = dropNode.forward(g);
            if (dropEdge is not null) g = dropEdge.forward(g);
            thinned[i] = g;
        }
        return (dropAttribute?.forward(x) ?? x, thinned);
    }
}
