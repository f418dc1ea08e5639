namespace Vigil.Bots.Baselines.Graph;

/// <summary>
/// When and how the graph baselines switch from full-batch to neighbour-sampled mini-batch training: above
/// <see cref="AboveUsers"/> users (TwiBot-22 has a million) a full-batch forward of a relational transformer no
/// longer fits in memory, so each step samples <see cref="Fanout"/> in-neighbours per node and layer around
/// <see cref="BatchSize"/> training users. The built-in 3,000-user dataset stays full batch.
/// </summary>
public sealed record NeighborSampling
{
    public const int DefaultAboveUsers = 200_000;

    /// <summary>Sample when the dataset has more users than this.</summary>
    public int AboveUsers { get; init; } = DefaultAboveUsers;
    /// <summary>In-neighbours drawn per node and layer (all relations pooled; −1: all of them).</summary>
    public int Fanout { get; init; } = 10;
    /// <summary>Training users per mini-batch.</summary>
    public int BatchSize { get; init; } = 1024;

    public static NeighborSampling Default { get; } = new();

    /// <summary>Whether a dataset of <paramref name="users"/> users trains sampled.</summary>
    public bool Applies(int users) => users > AboveUsers;

    /// <summary>One fan-out per message-passing layer.</summary>
    public int[] Fanouts(int layers) => Enumerable.Repeat(Fanout, layers).ToArray();

    internal void Validate()
    {
        if (AboveUsers < 0) throw new ArgumentException($"The sampling threshold must be non-negative, got {AboveUsers} users.");
        if (Fanout is 0 or < -1) throw new ArgumentException($"The fan-out must be positive or −1 (all neighbours), got {Fanout}.");
        if (BatchSize < 1) throw new ArgumentException($"The batch size must be positive, got {BatchSize}.");
    }
}
