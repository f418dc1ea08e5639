using Vigil.Core.Sparse;

namespace Vigil.Graphs.Smoothness;

/// <summary>
/// MADGap (Chen et al., AAAI 2020): MAD over remote pairs minus MAD over neighbouring pairs. As in the paper,
/// neighbours are pairs within <c>neighbourHops</c> = 3 hops and remote pairs are at least <c>remoteHops</c> = 8
/// hops apart; hop distances come from breadth-first search on the adjacency with edge direction ignored. The paper
/// does not say how unreachable pairs count; here they are remote (their distance is infinite, so "≥ 8 hops"
/// holds), which keeps disconnected components — common in citation graphs — in the measure. Both MADs use the
/// same rows (the reference code's <c>target_idx</c>) and one search per row.
/// </summary>
public static class MadGap
{
    public static MadGapResult Compute(RepresentationMatrix h, CsrMatrix adjacency, int[]? rows = null,
        int neighbourHops = 3, int remoteHops = 8, MadOptions? options = null)
    {
        if (remoteHops <= neighbourHops)
            throw new ArgumentException($"Remote pairs must start beyond the neighbourhood: remoteHops {remoteHops} ≤ neighbourHops {neighbourHops}.");
        var selection = MeanAverageDistance.HopSelection(h, adjacency, HopRange.Within(neighbourHops), HopRange.AtLeast(remoteHops));
        var (values, sampled) = MeanAverageDistance.RunWithMethod(h, rows, null, h.Rows, selection, options);
        return new MadGapResult(values[0], values[1], sampled);
    }
}
