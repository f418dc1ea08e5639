using Vigil.Nas.Cells;
using Vigil.Nas.Genotypes;

namespace Vigil.Tests.Nas;

public class GenotypeTests
{
    private static readonly string[] Ops = ["none", "gcn", "sage", "identity"];

    /// <summary>Hand-set operation weights for a 3-node cell (9 edges × 4 operations).</summary>
    private static float[] HandSetWeights()
    {
        float[][] rows =
        [
            // node 0 (states 0, 1)
            [0.10f, 0.50f, 0.20f, 0.20f],   // s0: gcn 0.50
            [0.70f, 0.10f, 0.15f, 0.05f],   // s1: "none" dominates; best real op sage 0.15
            // node 1 (states 0, 1, 2)
            [0.90f, 0.03f, 0.04f, 0.03f],   // s0: best real op sage 0.04
            [0.10f, 0.20f, 0.60f, 0.10f],   // s1: sage 0.60
            [0.10f, 0.10f, 0.10f, 0.70f],   // s2: identity 0.70
            // node 2 (states 0 … 3)
            [0.25f, 0.25f, 0.25f, 0.25f],   // s0: tie → first real op, gcn 0.25
            [0.05f, 0.35f, 0.30f, 0.30f],   // s1: gcn 0.35
            [0.05f, 0.30f, 0.35f, 0.30f],   // s2: sage 0.35 (ties s1 at 0.35: the lower input wins the order)
            [0.80f, 0.05f, 0.05f, 0.10f],   // s3: identity 0.10
        ];
        return rows.SelectMany(r => r).ToArray();
    }

    [Fact]
    public void DerivationKeepsTheTwoStrongestEdgesPerNodeWithTheirStrongestRealOperation()
    {
        var g = Genotype.Derive(HandSetWeights(), Ops, steps: 3);
        Assert.Equal(3, g.Steps);
        Assert.Equal([new GenotypeEdge("gcn", 0), new GenotypeEdge("sage", 1)], g.Nodes[0]);
        Assert.Equal([new GenotypeEdge("identity", 2), new GenotypeEdge("sage", 1)], g.Nodes[1]);
        Assert.Equal([new GenotypeEdge("gcn", 1), new GenotypeEdge("sage", 2)], g.Nodes[2]);
        Assert.DoesNotContain(g.Nodes.SelectMany(n => n), e => e.Operation == "none");
    }

    [Fact]
    public void DerivationRejectsAWeightArrayOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => Genotype.Derive(new float[10], Ops, steps: 3));
        Assert.Contains("9 edges × 4 operations = 36", e.Message);
    }

    [Fact]
    public void JsonRoundTripPreservesTheGenotype()
    {
        var g = new Genotype(Genotype.Derive(HandSetWeights(), Ops, steps: 3).Nodes, CellCombine.ConcatLinear);
        var back = Genotype.FromJson(g.ToJson());
        Assert.Equal(g, back);
        Assert.Equal(CellCombine.ConcatLinear, back.Combine);

        var path = Path.Combine(Path.GetTempPath(), $"vigil-genotype-{Guid.NewGuid():N}.json");
        try
        {
            g.Save(path);
            Assert.Equal(g, Genotype.Load(path));
            Assert.Contains("\"operation\": \"identity\"", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("{\"combine\":\"mean\"}", "no \"nodes\"")]
    [InlineData("{\"nodes\":[[{\"operation\":\"gcn\",\"input\":2}]]}", "node 0, edge 0 reads state 2")]
    [InlineData("{\"nodes\":[[{\"input\":1}]]}", "node 0, edge 0 needs \"operation\"")]
    [InlineData("{\"combine\":\"max\",\"nodes\":[[{\"operation\":\"gcn\",\"input\":1}]]}", "'max'")]
    public void BadJsonIsRejectedWithTheProblemNamed(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Genotype.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ToStringListsEveryNodeAndTheOutput()
    {
        var text = Genotype.Derive(HandSetWeights(), Ops, steps: 3).ToString();
        Assert.Equal(
            "node 2 = gcn(s0) + sage(s1)\nnode 3 = identity(s2) + sage(s1)\nnode 4 = gcn(s1) + sage(s2)\noutput = mean of nodes 2, 3, 4",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CellTopologyNumbersEdgesNodeByNode()
    {
        Assert.Equal([0, 2, 5, 9], Enumerable.Range(0, 4).Select(CellTopology.FirstEdge));
        Assert.Equal(14, CellTopology.EdgeCount(4));
    }
}
