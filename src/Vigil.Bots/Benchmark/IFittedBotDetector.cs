namespace Vigil.Bots.Benchmark;

/// <summary>A trained detector: a bot score per user, where a score of at least <see cref="Threshold"/> means "bot".</summary>
public interface IFittedBotDetector
{
    double Threshold { get; }

    /// <summary>Bot scores (higher = more bot-like) of the users at <paramref name="userRows"/>, in that order.</summary>
    double[] Score(int[] userRows);
}

/// <summary>
/// Implemented by fitted graph detectors: the depth of the network and the mean average distance (MAD) of the final
/// user representations, so over-smoothing shows on the leaderboard and in the report.
/// </summary>
public interface IReportsSmoothness
{
    int Layers { get; }
    double Mad { get; }
}

/// <summary>
/// Implemented by fitted detectors whose fit chose part of their own configuration (GraTO's searched genotype): a
/// JSON object the run's stored configuration gains under <c>"fitted"</c>. The run keeps the key of the method's
/// configuration as given, so seeds with different choices stay one leaderboard row and <c>--resume</c> finds them.
/// </summary>
public interface IReportsFittedConfig
{
    string FittedConfig { get; }
}
