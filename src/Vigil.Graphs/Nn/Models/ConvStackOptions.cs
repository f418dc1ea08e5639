using Vigil.Graphs.Nn.Connections;
using Vigil.Graphs.Nn.Norm;

namespace Vigil.Graphs.Nn.Models;

/// <summary>What goes between the convolutions of a <see cref="ConvStackModel"/>.</summary>
public sealed record ConvStackOptions
{
    public int Layers { get; init; } = 2;
    public int Hidden { get; init; } = 16;
    /// <summary>Dropout on the input features and before every later layer.</summary>
    public double Dropout { get; init; } = 0.5;
    public PairNormMode? PairNorm { get; init; }
    public double PairNormScale { get; init; } = 1.0;
    public bool BatchNorm { get; init; }
    public ResidualMode Residual { get; init; } = ResidualMode.None;
    /// <summary>α of <see cref="ResidualMode.Initial"/>.</summary>
    public double ResidualAlpha { get; init; } = 0.1;
    public JumpingKnowledgeMode? JumpingKnowledge { get; init; }
}
