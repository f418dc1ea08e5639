using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil nas</c>: GraTO architecture search, retraining of a genotype, and the depth sweep against baselines.</summary>
public static class NasCommand
{
    public static Command Create()
    {
        var nas = new Command("nas", "Over-smoothing-aware neural architecture search for GNNs (GraTO).");
        nas.Subcommands.Add(NasSearchCommand.Create());
        nas.Subcommands.Add(NasTrainCommand.Create());
        nas.Subcommands.Add(NasDepthSweepCommand.Create());
        return nas;
    }
}
