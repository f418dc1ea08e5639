using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Nas.Cells;
using Vigil.Nas.Operations;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

public class OperationTests
{
    private static readonly OperationContext Context = new(6, 1, new OperationOptions());

    private static (CellState State, Tensor Initial) Input(int nodes = 40)
    {
        var graph = NasTestGraphs.Sbm(nodes: nodes);
        var x = rand(nodes, 6, generator: new Generator(2)) + 0.1;
        return (new CellState(x, new MessageGraph(graph.Adjacency)), x);
    }

    [Fact]
    public void EveryKnownOperationKeepsTheShapeInTrainingAndEvaluation()
    {
        var (state, initial) = Input();
        foreach (var name in SearchSpace.KnownOperations)
        {
            using var op = SearchSpace.Create(name, Context);
            foreach (bool training in new[] { true, false })
            {
                op.train(training);
                var output = op.forward(state, initial);
                Assert.Equal(state.Features.shape, output.Features.shape);
                Assert.True(output.Features.isfinite().all().item<bool>(), $"{name} produced a non-finite value");
                Assert.Equal(state.Graph.NumTargets, output.Graph.NumTargets);
            }
        }
    }

    [Fact]
    public void TheAppnpOperationIsPersonalisedPageRankThenPairNormThenRelu()
    {
        var (state, initial) = Input();
        var options = new OperationOptions { AppnpSteps = 3, AppnpAlpha = 0.2 };
        using var op = SearchSpace.Create("appnp", new OperationContext(6, 1, options));
        op.eval();
        var actual = op.forward(state, initial).Features;
        // Z⁰ = X, Z^{k+1} = 0.8·Â·Z^k + 0.2·X, written out with a dense Â.
        var csr = state.Graph.GcnNormalized;
        var a = tensor(csr.ToDense(), new long[] { csr.Rows, csr.Cols });
        var z = state.Features;
        for (int k = 0; k < 3; k++) z = 0.8 * a.matmul(z) + 0.2 * state.Features;
        var expected = nn.functional.relu(new Vigil.Graphs.Nn.Norm.PairNorm(options.PairNorm!.Value, options.PairNormScale).forward(z));
        NasAssert.Close(expected, actual, 1e-5);
        Assert.Empty(op.parameters());
    }

    [Fact]
    public void TheInitialTeleportOperationTeleportsToTheNetworksInitialRepresentation()
    {
        var (state, _) = Input();
        var initial = rand(40, 6, generator: new Generator(7));
        var options = new OperationOptions { AppnpSteps = 3, AppnpAlpha = 0.2 };
        using var op = SearchSpace.Create("appnp-initial", new OperationContext(6, 1, options));
        op.eval();
        var actual = op.forward(state, initial).Features;
        // Z⁰ = X, Z^{k+1} = 0.8·Â·Z^k + 0.2·X₀: the teleport goes to X₀, not to the operation's input X.
        var csr = state.Graph.GcnNormalized;
        var a = tensor(csr.ToDense(), new long[] { csr.Rows, csr.Cols });
        var z = state.Features;
        for (int k = 0; k < 3; k++) z = 0.8 * a.matmul(z) + 0.2 * initial;
        var expected = nn.functional.relu(new Vigil.Graphs.Nn.Norm.PairNorm(options.PairNorm!.Value, options.PairNormScale).forward(z));
        NasAssert.Close(expected, actual, 1e-5);
        using var plain = SearchSpace.Create("appnp", new OperationContext(6, 1, options));
        plain.eval();
        Assert.False(torch.allclose(actual, plain.forward(state, initial).Features));
        Assert.Empty(op.parameters());
    }

    [Theory]
    [InlineData("drop-column", 1)]
    [InlineData("drop-row", 0)]
    public void DropSliceZeroesExactlyOneSliceInTrainingOnly(string name, int dimension)
    {
        var (state, initial) = Input();
        using var op = SearchSpace.Create(name, Context);
        op.train();
        var y = op.forward(state, initial).Features;
        var zeroSlices = y.eq(0).all(1 - dimension).sum().item<long>();
        Assert.Equal(1, zeroSlices);
        // Every other entry is unchanged (no rescaling).
        var changed = y.ne(state.Features).sum().item<long>();
        Assert.Equal(state.Features.shape[1 - dimension], changed);
        op.eval();
        Assert.Same(state.Features, op.forward(state, initial).Features);
    }

    [Theory]
    [InlineData("swap-rows", 0)]
    [InlineData("swap-columns", 1)]
    public void SwapSliceExchangesTwoSlicesAndPassesGradients(string name, int dimension)
    {
        var (state, initial) = Input();
        var x = state.Features.detach().requires_grad_();
        using var op = SearchSpace.Create(name, Context);
        op.train();
        bool sawSwap = false;
        for (int trial = 0; trial < 5; trial++)
        {
            var y = op.forward(state with { Features = x }, initial).Features;
            var differing = y.ne(x).any(1 - dimension).nonzero().view(-1);
            long count = differing.shape[0];
            Assert.True(count is 0 or 2, $"{count} slices changed");
            if (count == 2)
            {
                sawSwap = true;
                long i = differing[0].item<long>(), j = differing[1].item<long>();
                Assert.True(y.select(dimension, i).eq(x.select(dimension, j)).all().item<bool>());
                Assert.True(y.select(dimension, j).eq(x.select(dimension, i)).all().item<bool>());
            }
            y.sum().backward();
        }
        Assert.True(sawSwap);
        Assert.True(x.grad!.eq(5).all().item<bool>());
    }

    [Fact]
    public void AMixedOperationIsTheWeightedSumOfItsCandidates()
    {
        var (state, initial) = Input();
        var space = new SearchSpace(["gcn", "identity", "none", "sage"]);
        using var mixed = new MixedOperation(space, Context);
        SeededInitialization.Apply(mixed, new Generator(3));
        mixed.eval();
        var weights = tensor(new float[] { 0.1f, 0.2f, 0.3f, 0.4f });
        var y = mixed.Forward(state, initial, weights, strongest: 0).Features;

        var ops = space.Operations.Select(n => SearchSpace.Create(n, Context)).ToArray();
        var generator = new Generator(3);
        foreach (var op in ops) SeededInitialization.Apply(op, generator);
        var expected = zeros_like(state.Features);
        for (int k = 0; k < ops.Length; k++)
        {
            ops[k].eval();
            expected = expected + ops[k].forward(state, initial).Features * weights[k];
        }
        NasAssert.Close(expected, y, 1e-5);
    }

    [Fact]
    public void TheSearchSpaceRejectsUnknownAndRepeatedNames()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new SearchSpace(["gcn", "gnc"]));
        Assert.Contains("'gnc' at position 1", unknown.Message);
        var twice = Assert.Throws<ArgumentException>(() => new SearchSpace(["gcn", "sage", "gcn"]));
        Assert.Contains("positions 0 and 2", twice.Message);
        Assert.Throws<ArgumentException>(() => new SearchSpace(["none"]));
        Assert.Equal(9, SearchSpace.GraTo().Operations.Count);
    }
}

internal static class NasAssert
{
    public static void Close(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        double diff = (expected - actual).abs().max().item<float>();
        Assert.True(diff <= tolerance, $"max |expected − actual| = {diff:g4} exceeds {tolerance:g2}");
    }
}
