using TorchSharp;
using Vigil.Graphs.Nn.Connections;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Connections;

public class ConnectionTests
{
    [Fact]
    public void ResidualAddsThePreviousTargetRows()
    {
        using var scope = NewDisposeScope();
        var output = Features(3, 4, 131);
        var previous = Features(7, 4, 132);
        AssertClose(output + previous.narrow(0, 0, 3), new ResidualConnection().forward(output, previous), 0);
        Assert.Throws<ArgumentException>(() => new ResidualConnection().forward(output, Features(7, 5, 133)));
    }

    [Fact]
    public void InitialResidualMixesInTheFirstRepresentation()
    {
        using var scope = NewDisposeScope();
        var output = Features(3, 4, 134);
        var initial = Features(5, 4, 135);
        AssertClose(output * 0.75 + initial.narrow(0, 0, 3) * 0.25, new InitialResidualConnection(0.25).forward(output, initial), 1e-6);
    }

    [Fact]
    public void JumpingKnowledgeConcatenatesOrMaxesOverLayersAtTheLastRows()
    {
        using var scope = NewDisposeScope();
        var l1 = Features(6, 3, 136);
        var l2 = Features(4, 3, 137);
        AssertClose(cat([l1.narrow(0, 0, 4), l2], 1), new JumpingKnowledge(JumpingKnowledgeMode.Cat).forward([l1, l2]), 0);
        AssertClose(maximum(l1.narrow(0, 0, 4), l2), new JumpingKnowledge(JumpingKnowledgeMode.Max).forward([l1, l2]), 0);
    }
}
