using Vigil.Graphs.Nn;

namespace Vigil.Graphs.Sampling;

/// <summary>
/// One sampled mini-batch. <see cref="Blocks"/> are in layer order: block 0 feeds the first layer (the outermost
/// hop) and the last block produces the batch's outputs. Layer l's outputs are layer l + 1's inputs, so
/// <c>Blocks[l].NumTargets == Blocks[l + 1].NumSources</c>, and in every block the first NumTargets sources are the
/// targets themselves. <see cref="InputNodes"/> are the global ids of block 0's sources in local order (the rows
/// of features to gather); <see cref="OutputNodes"/> are the global ids of the last block's targets, in the order
/// the batch was given.
/// </summary>
public sealed record SampledBatch(IReadOnlyList<MessageGraph> Blocks, int[] InputNodes, int[] OutputNodes);
