namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Node pairs whose hop distance lies in [<see cref="MinHops"/>, <see cref="MaxHops"/>]; a null maximum means
/// "this far or farther", which includes unreachable pairs (their distance is infinite).
/// </summary>
public readonly record struct HopRange
{
    public int MinHops { get; }
    public int? MaxHops { get; }

    public HopRange(int minHops, int? maxHops)
    {
        if (minHops < 1) throw new ArgumentOutOfRangeException(nameof(minHops), $"A hop range starts at 1 hop or more (a node is not its own pair), got {minHops}.");
        if (maxHops is { } max && max < minHops)
            throw new ArgumentOutOfRangeException(nameof(maxHops), $"Hop range maximum {max} is below its minimum {minHops}.");
        MinHops = minHops; MaxHops = maxHops;
    }

    /// <summary>Pairs 1 … <paramref name="maxHops"/> hops apart (the MADGap neighbourhood uses 3).</summary>
    public static HopRange Within(int maxHops) => new(1, maxHops);

    /// <summary>Pairs at least <paramref name="minHops"/> apart or unreachable (the MADGap remote set uses 8).</summary>
    public static HopRange AtLeast(int minHops) => new(minHops, null);

    /// <summary>Whether a pair at <paramref name="hops"/> (int.MaxValue for unreachable) falls in the range.</summary>
    public bool Contains(int hops) => hops >= MinHops && (MaxHops is null || hops <= MaxHops);

    /// <summary>How deep a breadth-first search must go to decide membership of every node.</summary>
    internal int DecidingDepth => MaxHops ?? MinHops - 1;

    public override string ToString() => MaxHops is { } max ? $"[{MinHops}, {max}] hops" : $"≥ {MinHops} hops";
}
