namespace Vigil.Bots.Benchmark;

/// <summary>
/// A bot-detection method under the benchmark protocol: <see cref="Fit"/> trains on the task's train users (and may
/// use its valid users for model selection); the fitted detector scores test users. One instance may be fitted many
/// times (one per seed); each fit must depend only on the task and the seed.
/// </summary>
public interface IBotDetector
{
    /// <summary>The name on the leaderboard, after the method's paper (e.g. <c>Lee</c>, <c>BotRGCN</c>).</summary>
    string Name { get; }

    DetectorFamily Family { get; }

    /// <summary>True for methods that only run where the dataset has user–user edges (graph methods).</summary>
    bool RequiresUserEdges { get; }

    /// <summary>The hyperparameters as JSON; part of a run's key in the results store.</summary>
    string Config { get; }

    /// <summary>Why the method cannot run on <paramref name="task"/> (inputs it needs are missing), or null when it can.</summary>
    string? Unsupported(BotDetectionTask task);

    IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation);
}
