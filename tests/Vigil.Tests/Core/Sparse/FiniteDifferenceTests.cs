using Vigil.Core.Sparse;
using static TorchSharp.torch;

namespace Vigil.Tests.Core.Sparse;

/// <summary>
/// Gradcheck-style: the analytic gradient of L = Σ upstream ⊙ op(input) against central finite differences,
/// element by element, on a small multi-head attention-like pipeline (softmax of scores, then edge-value SpMM).
/// </summary>
public class FiniteDifferenceTests
{
    [Fact]
    public void AttentionPipelineGradientsMatchFiniteDifferences()
    {
        var a = TestGraphs.Random(6, 7, 18, seed: 23, withValues: false);
        const int heads = 2, width = 3;
        var scores = TestGraphs.RandomTensor(61, a.Nnz, heads);
        var x = TestGraphs.RandomTensor(62, 7, heads * width);
        var upstream = TestGraphs.RandomTensor(63, 6, heads * width);

        double Loss(Tensor s, Tensor f)
        {
            using var scope = NewDisposeScope();
            return (SparseOps.SpMM(a, SparseOps.SegmentSoftmax(a, s), f) * upstream).sum().to(ScalarType.Float64).item<double>();
        }

        var sg = scores.clone().requires_grad_(true);
        var xg = x.clone().requires_grad_(true);
        (SparseOps.SpMM(a, SparseOps.SegmentSoftmax(a, sg), xg) * upstream).sum().backward();

        AssertMatchesFiniteDifferences(scores, sg.grad!, s => Loss(s, x), "scores");
        AssertMatchesFiniteDifferences(x, xg.grad!, f => Loss(scores, f), "x");
    }

    private static void AssertMatchesFiniteDifferences(Tensor input, Tensor analytic, Func<Tensor, double> loss, string what)
    {
        const float h = 1e-2f;
        var flat = input.flatten();
        var grad = analytic.flatten().data<float>().ToArray();
        for (int i = 0; i < flat.shape[0]; i++)
        {
            var plus = flat.clone(); plus[i] = plus[i] + h;
            var minus = flat.clone(); minus[i] = minus[i] - h;
            double numeric = (loss(plus.view(input.shape)) - loss(minus.view(input.shape))) / (2 * h);
            Assert.True(Math.Abs(numeric - grad[i]) <= 2e-3 * (1 + Math.Abs(numeric)),
                $"d loss / d {what}[{i}]: analytic {grad[i]}, finite difference {numeric}");
        }
    }
}
