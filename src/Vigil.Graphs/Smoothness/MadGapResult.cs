namespace Vigil.Graphs.Smoothness;

/// <summary>MAD of neighbouring and of remote pairs; <see cref="Gap"/> = remote − neighbour.</summary>
public sealed record MadGapResult(double NeighbourMad, double RemoteMad, bool Sampled)
{
    /// <summary>MADGap: small or negative means remote nodes look no more different than neighbours (over-smoothing).</summary>
    public double Gap => RemoteMad - NeighbourMad;
}
