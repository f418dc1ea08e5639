namespace Vigil.Safety.Demo.Pipeline;

/// <summary>One RL step's training signal: the mean shaped reward, each reward part's mean, KL and completion length.</summary>
public sealed record DemoRewardPoint(int Step, string Stage, double MeanReward, IReadOnlyDictionary<string, double> Parts, double Kl, double MeanLength, double Seconds);
