using TorchSharp;
using Vigil.Graphs.Data;
using Vigil.Graphs.Nn;
using Vigil.Nas.Loss;
using Vigil.Nas.Search;
using static TorchSharp.torch;

namespace Vigil.Tests.Nas;

public class ArchitectTests
{
    // The losses sample their smoothness nodes from the network's generator; restoring its state before every
    // evaluation makes the finite differences and the architect see the same sample.

    private sealed class Fixture : IDisposable
    {
        public readonly Graph Graph = NasTestGraphs.Sbm(nodes: 150, trainPerClass: 15, valPerClass: 15);
        public readonly Generator Generator = new(1);
        public readonly SuperNet Net;
        private readonly Tensor lossState;
        public readonly FeatureInput Features;
        public readonly MessageGraph MessageGraph;
        private readonly NodeLoss trainLoss, valLoss;

        public Fixture(int blocks)
        {
            Net = NasTestGraphs.Network(Graph, Generator, ["gcn", "sage", "identity", "drop-edge"], blocks);
            NasTestGraphs.RandomizeAlpha(Net, 0.5, seed: 3);
            // Evaluation mode: dropout, DropEdge and the attribute drops are off, so each loss is a deterministic
            // function of (w, α) given the smoothness sample.
            Net.eval();
            Features = FeatureInput.From(Graph.Features);
            MessageGraph = NasTestGraphs.MessageGraphOf(Graph);
            var train = Vigil.Graphs.Data.Graph.MaskIndices(Graph.TrainMask);
            var val = Vigil.Graphs.Data.Graph.MaskIndices(Graph.ValMask);
            trainLoss = new NodeLoss(train, Graph.Labels, new SmoothnessLoss(train, Graph.Labels, new SmoothnessOptions { SampleSize = 24 }, Generator));
            valLoss = new NodeLoss(val, Graph.Labels, new SmoothnessLoss(train, Graph.Labels, new SmoothnessOptions { SampleSize = 24 }, Generator));
            lossState = Generator.get_state().DetachFromDisposeScope();
        }

        public void ResetSamples() => Generator.set_state(lossState);

        public Tensor TrainLoss() => trainLoss.Compute(Net.Run(Features, MessageGraph));
        public Tensor ValLoss() => valLoss.Compute(Net.Run(Features, MessageGraph));

        public double Evaluate(Func<Tensor> loss)
        {
            using var scope = NewDisposeScope();
            ResetSamples();
            return loss().item<float>();
        }

        /// <summary>Central differences of <paramref name="objective"/> in every entry of α.</summary>
        public float[] FiniteDifferenceGradient(Func<double> objective, double h)
        {
            var alpha = Net.Alpha;
            var flat = NasTestGraphs.Values(alpha);
            var g = new float[flat.Length];
            for (int i = 0; i < flat.Length; i++)
            {
                double Shifted(double d)
                {
                    var values = (float[])flat.Clone();
                    values[i] += (float)d;
                    using (no_grad()) alpha.copy_(tensor(values).view(alpha.shape));
                    return objective();
                }
                g[i] = (float)((Shifted(h) - Shifted(-h)) / (2 * h));
            }
            using (no_grad()) alpha.copy_(tensor(flat).view(alpha.shape));
            return g;
        }

        public float[] ArchitectGradient(Architect architect)
        {
            ResetSamples();
            var (gradients, _) = architect.Gradient(TrainLoss, ValLoss);
            return NasTestGraphs.Values(gradients.Single());
        }

        public void Dispose()
        {
            trainLoss.Dispose(); valLoss.Dispose(); Features.Dispose(); Net.Dispose(); Generator.Dispose();
        }
    }

    [Fact]
    public void FirstOrderGradientMatchesFiniteDifferencesAndTheStepDescendsAlongIt()
    {
        using var f = new Fixture(blocks: 2);
        using var architect = new Architect(f.Net, new ArchitectOptions { WeightDecay = 0 });
        var analytic = f.ArchitectGradient(architect);
        var numeric = f.FiniteDifferenceGradient(() => f.Evaluate(f.ValLoss), h: 1e-2);

        double norm = Math.Sqrt(numeric.Sum(x => (double)x * x));
        Assert.True(norm > 1e-3, $"the validation loss should depend on α (finite-difference gradient norm {norm:g3})");
        double cosine = NasTestGraphs.CosineSimilarity(analytic, numeric);
        Assert.True(cosine > 0.999, $"cosine(architect gradient, finite differences) = {cosine:F5}");
        for (int i = 0; i < analytic.Length; i++)
            Assert.True(Math.Abs(analytic[i] - numeric[i]) <= 2e-4 + 0.02 * Math.Abs(numeric[i]),
                $"entry {i}: architect {analytic[i]:g4}, finite differences {numeric[i]:g4}");

        // One Adam step: α moves against the finite-difference gradient wherever that gradient is clearly non-zero,
        // and the operation weights' own gradients stay untouched.
        var before = NasTestGraphs.Values(f.Net.Alpha);
        f.ResetSamples();
        architect.Step(f.TrainLoss, f.ValLoss);
        var after = NasTestGraphs.Values(f.Net.Alpha);
        int checkedEntries = 0;
        for (int i = 0; i < before.Length; i++)
        {
            if (Math.Abs(numeric[i]) < 1e-3) continue;
            checkedEntries++;
            Assert.True(Math.Sign(after[i] - before[i]) == -Math.Sign(numeric[i]),
                $"entry {i}: α moved by {after[i] - before[i]:g3} but the loss gradient is {numeric[i]:g3}");
        }
        Assert.True(checkedEntries >= before.Length / 4, $"only {checkedEntries} of {before.Length} entries have a clear gradient");
        Assert.All(f.Net.WeightParameters(), p => Assert.True(p.grad is null || p.grad.abs().max().item<float>() == 0));
    }

    [Fact]
    public void SecondOrderGradientIsTheGradientOfTheUnrolledValidationLoss()
    {
        // One block keeps the 2 × 20 unrolled evaluations cheap; the first-order test covers two.
        using var f = new Fixture(blocks: 1);
        const double xi = 0.5, decay = 5e-4;
        using var second = new Architect(f.Net, new ArchitectOptions
        {
            Gradient = ArchitectureGradient.SecondOrder, UnrolledLearningRate = xi, UnrolledWeightDecay = decay,
        });
        using var first = new Architect(f.Net, new ArchitectOptions());
        var weightsBefore = f.Net.WeightParameters().Select(NasTestGraphs.Values).ToArray();
        var secondOrder = f.ArchitectGradient(second);
        var weightsAfter = f.Net.WeightParameters().Select(NasTestGraphs.Values).ToArray();
        for (int i = 0; i < weightsBefore.Length; i++) Assert.Equal(weightsBefore[i], weightsAfter[i]);
        var firstOrder = f.ArchitectGradient(first);

        // The objective DARTS differentiates: L_val(w − ξ(∇_w L_train(w, α) + λw), α), here evaluated directly.
        var weights = f.Net.WeightParameters().ToArray();
        double Unrolled()
        {
            using var scope = NewDisposeScope();
            var saved = weights.Select(w => w.detach().clone()).ToArray();
            f.ResetSamples();
            var grads = autograd.grad([f.TrainLoss()], weights);
            using (no_grad()) for (int i = 0; i < weights.Length; i++) weights[i].sub_((grads[i] + saved[i] * decay) * xi);
            double value = f.Evaluate(f.ValLoss);
            using (no_grad()) for (int i = 0; i < weights.Length; i++) weights[i].copy_(saved[i]);
            return value;
        }
        var numeric = f.FiniteDifferenceGradient(Unrolled, h: 1e-2);

        Assert.All(secondOrder, g => Assert.True(float.IsFinite(g)));
        double cosine = NasTestGraphs.CosineSimilarity(secondOrder, numeric);
        Assert.True(cosine > 0.998, $"cosine(second-order gradient, finite differences of the unrolled loss) = {cosine:F4}");
        double diff = Math.Sqrt(secondOrder.Zip(firstOrder).Sum(p => Math.Pow(p.First - p.Second, 2)));
        double size = Math.Sqrt(firstOrder.Sum(x => (double)x * x));
        Assert.True(diff > 0.05 * size, $"second order should differ from first order (|Δ| = {diff:g3}, |first| = {size:g3})");
        Assert.True(NasTestGraphs.CosineSimilarity(firstOrder, numeric) < cosine,
            "the second-order gradient should be the better approximation of the unrolled objective's gradient");
    }
}
