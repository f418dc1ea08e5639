using Vigil.Graphs.Nn;
using Vigil.Graphs.Sampling;
using static TorchSharp.torch;

namespace Vigil.Graphs.Training;

/// <summary>
/// Evaluation-mode outputs for a list of nodes computed batch by batch over sampled blocks, so memory follows the
/// batch, not the graph. Batch b is sampled with a seed derived from (<c>seed</c>, b): the same call gives the same
/// neighbourhoods every time (validation epochs stay comparable).
/// </summary>
public static class SampledInference
{
    /// <summary>
    /// The smallest inference batch (inference keeps no activations for a backward pass, so small training batches
    /// are pooled). Not larger: a batch's sampled input rows grow as batch × Π(1 + fan-out), and at 4,096 targets with
    /// fan-outs 10, 10 they covered all of a 200,000-user graph, so the inference peak followed the graph.
    /// </summary>
    public const int MinimumBatch = 1024;

    /// <summary>
    /// Rows of <paramref name="forward"/>'s output for <paramref name="nodes"/>, in order, concatenated ([nodes, width]);
    /// the caller owns the tensor. <paramref name="forward"/> gets the batch's input features and blocks.
    /// </summary>
    public static Tensor Run(NodeModel model, FeatureInput features, IBlockSampler sampler, int[] nodes, int batchSize, int seed,
        Func<FeatureInput, IReadOnlyList<MessageGraph>, Tensor> forward)
    {
        if (nodes.Length == 0) throw new ArgumentException("Sampled inference needs at least one node.");
        model.eval();
        var outputs = new List<Tensor>();
        try
        {
            using var _ = no_grad();
            int batch = Math.Max(batchSize, MinimumBatch);
            for (int start = 0, b = 0; start < nodes.Length; start += batch, b++)
            {
                using var scope = NewDisposeScope();
                var sampled = sampler.Sample(nodes.AsSpan(start, Math.Min(batch, nodes.Length - start)), SeedMixer.Mix(seed, b));
                using var input = FeatureRows.Gather(features, sampled.InputNodes);
                outputs.Add(forward(input, sampled.Blocks).MoveToOuterDisposeScope());
            }
            return cat(outputs, 0);
        }
        finally
        {
            foreach (var o in outputs) o.Dispose();
        }
    }

    /// <summary>The model's logits for <paramref name="nodes"/>.</summary>
    public static Tensor Logits(NodeModel model, FeatureInput features, IBlockSampler sampler, int[] nodes, int batchSize, int seed) =>
        Run(model, features, sampler, nodes, batchSize, seed, (x, blocks) => model.forward(x, blocks));
}
