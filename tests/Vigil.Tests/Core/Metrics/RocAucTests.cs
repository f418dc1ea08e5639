using Vigil.Core.Metrics;

namespace Vigil.Tests.Core.Metrics;

public class RocAucTests
{
    [Fact]
    public void BinaryMatchesTheTextbookExample()
    {
        // Pairs (pos, neg): 0.35 beats 0.1 only, 0.8 beats both → 3 of 4.
        Assert.Equal(0.75, RocAuc.Binary(new[] { 0, 0, 1, 1 }, new[] { 0.1f, 0.4f, 0.35f, 0.8f }, positiveClass: 1), 12);
    }

    [Fact]
    public void BinaryWithTiesEqualsPairwiseProbability()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 40;
            var y = new int[n]; var s = new float[n];
            for (int i = 0; i < n; i++)
            {
                y[i] = rng.Next(2);
                s[i] = MathF.Round((float)rng.NextDouble() * 5 + y[i]) / 5; // coarse grid → many ties
            }
            if (y.Distinct().Count() < 2) continue;
            Assert.Equal(PairwiseAuc(y, s, 1), RocAuc.Binary(y, s, positiveClass: 1), 12);
        }
    }

    [Fact]
    public void AllTiedScoresGiveOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Binary(new[] { 0, 1, 0, 1, 1 }, new float[] { 2, 2, 2, 2, 2 }, 1), 12);
    }

    [Fact]
    public void SingleClassGroundTruthIsNaN()
    {
        Assert.True(double.IsNaN(RocAuc.Binary(new[] { 1, 1, 1 }, new[] { 0.2f, 0.5f, 0.9f }, 1)));
        var probs = new float[] { 0.7f, 0.2f, 0.1f, 0.6f, 0.3f, 0.1f };
        Assert.True(double.IsNaN(RocAuc.MacroOneVsRest(new[] { 0, 0 }, probs, 3)));
    }

    [Fact]
    public void MacroOneVsRestAveragesDefinedClassesOnly()
    {
        var rng = new Random(5);
        int n = 30, k = 4;
        var y = new int[n];
        var probs = new float[n * k];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.Next(3); // class 3 never occurs → its one-vs-rest AUC is undefined and skipped
            for (int c = 0; c < k; c++) probs[i * k + c] = (float)rng.NextDouble() + (c == y[i] ? 0.3f : 0);
        }
        double expected = Enumerable.Range(0, 3).Average(c => PairwiseAuc(y, Enumerable.Range(0, n).Select(i => probs[i * k + c]).ToArray(), c));
        Assert.Equal(expected, RocAuc.MacroOneVsRest(y, probs, k), 12);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Binary(Array.Empty<bool>(), Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => RocAuc.Binary(new[] { 0, 1 }, new[] { 0.5f, float.NaN }, 1));
        Assert.Throws<ArgumentException>(() => RocAuc.MacroOneVsRest(new[] { 0, 1 }, new float[5], 3));
    }

    // Probability that a random positive outscores a random negative, ties counting one half.
    private static double PairwiseAuc(int[] y, float[] s, int positive)
    {
        double wins = 0; long pairs = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] != positive) continue;
            for (int j = 0; j < y.Length; j++)
            {
                if (y[j] == positive) continue;
                pairs++;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
