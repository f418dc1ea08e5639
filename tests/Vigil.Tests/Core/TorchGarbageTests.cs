using TorchSharp;
using Vigil.Core;
using Vigil.Core.Dense;
using Xunit;
using static TorchSharp.torch;

namespace Vigil.Tests.Core;

public class TorchGarbageTests
{
    [Fact]
    public void CollectsTheYoungestGenerationOnceTheIntervalHasPassed()
    {
        Thread.Sleep(30);
        int before = GC.CollectionCount(0);
        TorchGarbage.CollectAfterStep();
        Assert.True(GC.CollectionCount(0) > before);
    }

    [Fact]
    public void FusedReluDropoutGradientIsUnchangedBySavingItsOutputDetached()
    {
        // The backward reads the saved output only as a mask: dx = dy·scale where y > 0.
        torch.manual_seed(3);
        using var scope = NewDisposeScope();
        var x = randn(64, 32).requires_grad_(true);
        var y = FastDropout.ApplyRelu(x, 0.5, training: true);
        var weights = randn(64, 32);
        y.mul(weights).sum().backward();
        var expected = y.gt(0).to_type(ScalarType.Float32).mul(weights).mul(2.0);
        Assert.True(x.grad!.allclose(expected, 1e-5, 1e-6));
    }
}
