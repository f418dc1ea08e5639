namespace Vigil.Graphs.Nn.Connections;

/// <summary>Skip connections around the hidden layers of a layer stack.</summary>
public enum ResidualMode
{
    None,
    /// <summary>Add the previous layer's representation (<see cref="ResidualConnection"/>).</summary>
    Residual,
    /// <summary>Mix in the first layer's representation with weight α (<see cref="InitialResidualConnection"/>).</summary>
    Initial,
}
