using static TorchSharp.torch;

namespace Vigil.Graphs.Nn.Connections;

internal static class ConnectionShapes
{
    /// <summary>The skipped representation must be as wide as the output and cover at least its rows.</summary>
    public static void Require(string connection, Tensor output, Tensor skipped)
    {
        if (output.dim() != 2 || skipped.dim() != 2 || output.shape[1] != skipped.shape[1] || skipped.shape[0] < output.shape[0])
            throw new ArgumentException($"{connection}: cannot add a [{string.Join(", ", skipped.shape)}] representation to a [{string.Join(", ", output.shape)}] output; widths must match and rows cover the output's.");
    }
}
