using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil graph</c>: node classification with GNNs on .npz graphs or the built-in generated graph.</summary>
public static class GraphCommand
{
    public static Command Create()
    {
        var graph = new Command("graph", "Train and evaluate graph neural networks for node classification.");
        graph.Subcommands.Add(GraphTrainCommand.Create());
        graph.Subcommands.Add(GraphReproduceCommand.Create());
        return graph;
    }
}
