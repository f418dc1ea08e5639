namespace Vigil.Core.Text;

/// <summary>How far a batched encoding run has got. <see cref="Total"/> is null for a stream of unknown length.</summary>
public readonly record struct EncodingProgress(long Done, long? Total, TimeSpan Elapsed)
{
    public double TextsPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}
