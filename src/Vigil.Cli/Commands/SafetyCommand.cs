using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil safety</c>: SafeLadder — verifiers, evaluation, the co-evolution demo, probing and serving.</summary>
public static class SafetyCommand
{
    public static Command Create()
    {
        var safety = new Command("safety", "SafeLadder: train the safety verifier, judge completions, run the ladder and the co-evolution demo, probe a policy, serve it over an OpenAI-compatible API.");
        safety.Subcommands.Add(SafetyTrainVerifierCommand.Create());
        safety.Subcommands.Add(SafetyEvalCommand.Create());
        safety.Subcommands.Add(SafetyLadderCommand.Create());
        safety.Subcommands.Add(SafetyDemoCommand.Create());
        safety.Subcommands.Add(SafetyProbeCommand.Create());
        safety.Subcommands.Add(SafetyServeCommand.Create());
        safety.Subcommands.Add(SafetyChatCommand.Create());
        safety.Subcommands.Add(SafetySearchEvalCommand.Create());
        return safety;
    }

    /// <summary>Where sentence vectors are cached between runs unless --cache says otherwise.</summary>
    internal static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "vigil", "embeddings");

    internal static Option<string> CacheOption() => new("--cache")
    {
        Description = "Directory of the sentence-embedding cache (re-runs skip encoding); default: the user's local data folder /vigil/embeddings.",
        DefaultValueFactory = _ => DefaultCacheDirectory,
    };
}
