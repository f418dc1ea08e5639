using TorchSharp;
using TorchSharp.Modules;
using Vigil.Nas.Cells;
using Vigil.Nas.Operations;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// A DARTS mixed operation: every candidate applied to the same state, their outputs summed with the edge's
/// softmax(α) weights. A graph has no continuous relaxation, so the state hands on the graph of the candidate
/// with the largest weight: the supernet's structure follows the architecture derivation would pick. (GraTO
/// intersected every candidate's graph, which applies DropEdge on every mixed edge whatever α says and thins the
/// graph geometrically with depth.)
/// </summary>
public sealed class MixedOperation : nn.Module
{
    private readonly ModuleList<SearchOperation> candidates;

    public IReadOnlyList<string> Operations { get; }

    public MixedOperation(SearchSpace space, OperationContext context) : base(nameof(MixedOperation))
    {
        Operations = space.Operations;
        candidates = new ModuleList<SearchOperation>(space.Operations.Select(name => SearchSpace.Create(name, context)).ToArray());
        RegisterComponents();
    }

    /// <param name="input">The state on the edge's tail.</param>
    /// <param name="initial">The network's initial representation.</param>
    /// <param name="weights">softmax(α) of this edge, [candidates].</param>
    /// <param name="strongest">Index of the candidate whose output graph the state carries on.</param>
    public CellState Forward(CellState input, Tensor initial, Tensor weights, int strongest)
    {
        if (weights.dim() != 1 || weights.shape[0] != candidates.Count)
            throw new ArgumentException($"{nameof(MixedOperation)} has {candidates.Count} candidates but got weights of shape [{string.Join(", ", weights.shape)}].");
        if ((uint)strongest >= (uint)candidates.Count)
            throw new ArgumentOutOfRangeException(nameof(strongest), $"Candidate {strongest} is outside [0, {candidates.Count}).");
        var outputs = new CellState[candidates.Count];
        for (int k = 0; k < outputs.Length; k++) outputs[k] = candidates[k].forward(input, initial);
        var mixed = (stack(outputs.Select(o => o.Features).ToArray()) * weights.view(-1, 1, 1)).sum([0]);
        return new CellState(mixed, outputs[strongest].Graph);
    }
}
