using TorchSharp;
using Vigil.Graphs.Smoothness;
using Vigil.Nas.Loss;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

public class SmoothnessLossTests
{
    [Fact]
    public void DifferentClassMadMatchesTheExactMetric()
    {
        var h = randn(30, 5, generator: new Generator(0));
        int[] labels = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var mad = SmoothnessLoss.DifferentClassMad(h, tensor(labels.Select(l => (long)l).ToArray()))!;
        double reference = MeanAverageDistance.DifferentClass(RepresentationMatrix.FromTensor(h), labels,
            Enumerable.Range(0, 30).ToArray(), new MadOptions { Method = MadMethod.Exact });
        Assert.Equal(reference, mad.item<float>(), 5);
    }

    [Fact]
    public void ASingleClassSampleGivesAZeroFiniteTerm()
    {
        var h = randn(12, 4, generator: new Generator(0)).requires_grad_();
        var labels = Enumerable.Repeat(2, 12).ToArray();
        var loss = new SmoothnessLoss(Enumerable.Range(0, 12).ToArray(), labels, new SmoothnessOptions { SampleSize = 8 }, new Generator(1));
        var term = loss.Term(h);
        Assert.Equal(0f, term.item<float>());
        Assert.Null(SmoothnessLoss.DifferentClassMad(h, tensor(labels.Select(l => (long)l).ToArray())));
        // Cross-entropy plus the term still trains.
        (h.sum() + term).backward();
        Assert.True(h.grad!.isfinite().all().item<bool>());
    }

    [Fact]
    public void TheTermIsWeightOverMadPlusEpsilonAndHasFiniteGradientsEvenForZeroRows()
    {
        var h = tensor(new float[] { 1, 0, 0, 1, 0, 0 }, [3, 2]).requires_grad_();   // row 2 is all zero
        long[] y = [0, 1, 1];
        var options = new SmoothnessOptions { Weight = 2, SampleSize = 3, Epsilon = 0.5 };
        var term = new SmoothnessLoss([0, 1, 2], [0, 1, 1], options).Term(h);
        // Pairs of different classes: (0,1) distance 1, (0,2) distance 1 (zero row) → row means 1, 1, 1 → MAD 1.
        Assert.Equal(2 / (1 + 0.5), term.item<float>(), 5);
        term.backward();
        Assert.True(h.grad!.isfinite().all().item<bool>());
        Assert.Equal(1.0, SmoothnessLoss.DifferentClassMad(h, tensor(y))!.item<float>(), 6);
    }

    [Fact]
    public void OnlyThePoolNodesLabelsAreRead()
    {
        // Every label outside the pool is unknown (−1): the loss must neither need nor see them.
        var labels = Enumerable.Repeat(-1, 50).ToArray();
        int[] pool = [3, 7, 11, 19, 23, 31];
        for (int k = 0; k < pool.Length; k++) labels[pool[k]] = k % 2;
        var loss = new SmoothnessLoss(pool, labels, new SmoothnessOptions { SampleSize = 6 }, new Generator(1));
        var h = randn(50, 4, generator: new Generator(0));
        var term = loss.Term(h).item<float>();
        var mad = SmoothnessLoss.DifferentClassMad(h.index_select(0, tensor(pool.Select(p => (long)p).ToArray())),
            tensor(pool.Select((_, k) => (long)(k % 2)).ToArray()))!.item<float>();
        Assert.Equal(1 / (mad + 1e-3), term, 3);
        Assert.Throws<ArgumentException>(() => new SmoothnessLoss([0, 3], labels));
    }
}
