using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

/// <summary>
/// Runs an op and its dense reference on the same inputs, back-propagates the same random upstream gradient
/// through both, and compares outputs and every input gradient.
/// </summary>
internal static class GradientComparison
{
    public static void Check(Func<Tensor[], Tensor> op, Func<Tensor[], Tensor> reference, Tensor[] inputs, string what, double rtol = 1e-5)
    {
        using var scope = NewDisposeScope();
        var mine = inputs.Select(t => t.detach().clone().requires_grad_(true)).ToArray();
        var theirs = inputs.Select(t => t.detach().clone().requires_grad_(true)).ToArray();
        var actual = op(mine);
        var expected = reference(theirs);
        TensorAssert.Close(expected, actual, rtol, $"{what} forward");
        var upstream = TestGraphs.RandomTensor(12345, expected.shape);
        (actual * upstream).sum().backward();
        (expected * upstream).sum().backward();
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.NotNull(mine[i].grad);
            TensorAssert.Close(theirs[i].grad!, mine[i].grad!, rtol, $"{what} gradient of input {i}");
        }
    }
}
