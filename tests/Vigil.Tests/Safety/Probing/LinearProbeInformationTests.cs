using Vigil.Safety.Probing;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Probing;

public class LinearProbeInformationTests
{
    private static (Tensor Features, int[] Outcomes) Samples(int n, int width, Func<float[], int> outcome, int seed)
    {
        var random = new Random(seed);
        var rows = new float[n * width];
        var outcomes = new int[n];
        for (int i = 0; i < n; i++)
        {
            var row = new float[width];
            for (int k = 0; k < width; k++) row[k] = (float)(random.NextDouble() * 2 - 1);
            outcomes[i] = outcome(row);
            row.CopyTo(rows, i * width);
        }
        return (tensor(rows).reshape(n, width), outcomes);
    }

    [Fact]
    public void A_state_that_decides_the_outcome_carries_almost_all_of_its_entropy()
    {
        var (x, y) = Samples(200, 8, r => r[3] > 0 ? 1 : 0, seed: 1);
        var estimate = LinearProbeInformation.Estimate(x, y);
        Assert.InRange(estimate.LabelEntropyBits, 0.95, 1.0);
        Assert.True(estimate.InformationBits > 0.7 * estimate.LabelEntropyBits, $"got {estimate}");
        Assert.True(estimate.InformationBits <= estimate.LabelEntropyBits);
    }

    [Fact]
    public void A_state_independent_of_the_outcome_carries_next_to_nothing()
    {
        var random = new Random(7);
        var (x, _) = Samples(200, 8, _ => 0, seed: 2);
        var y = Enumerable.Range(0, 200).Select(_ => random.Next(2)).ToArray();
        var estimate = LinearProbeInformation.Estimate(x, y);
        Assert.True(estimate.InformationBits < 0.1, $"got {estimate}");
    }

    [Fact]
    public void A_constant_outcome_has_no_information_to_find()
    {
        var (x, y) = Samples(30, 4, _ => 1, seed: 3);
        Assert.Equal(0, LinearProbeInformation.Estimate(x, y).InformationBits);
    }

    [Fact]
    public void Binary_entropy_matches_hand_values()
    {
        Assert.Equal(1.0, LinearProbeInformation.BinaryEntropyBits(0.5), 12);
        Assert.Equal(0.8112781244591328, LinearProbeInformation.BinaryEntropyBits(0.25), 12);
        Assert.Equal(0, LinearProbeInformation.BinaryEntropyBits(0));
    }

    [Fact]
    public void Mismatched_or_non_binary_outcomes_are_refused()
    {
        var (x, _) = Samples(10, 2, _ => 0, seed: 4);
        Assert.Throws<ArgumentException>(() => LinearProbeInformation.Estimate(x, new int[9]));
        Assert.Throws<ArgumentException>(() => LinearProbeInformation.Estimate(x, Enumerable.Repeat(2, 10).ToArray()));
    }
}
