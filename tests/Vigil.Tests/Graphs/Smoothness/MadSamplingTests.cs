using Vigil.Core.Sparse;
using System.Diagnostics;
using Vigil.Graphs.Smoothness;
using Xunit.Abstractions;

namespace Vigil.Tests.Graphs.Smoothness;

public class MadSamplingTests(ITestOutputHelper output)
{
    /// <summary>Stated accuracy of the default-sized sampler on this graph: 0.02 in absolute MAD.</summary>
    private const double Tolerance = 0.02;

    [Fact]
    public void SampledEstimateMatchesExactOnAMidSizedGraph()
    {
        var (h, adjacency) = RingLattice(n: 3000, halfDegree: 4, d: 16, seed: 7);
        var exact = new MadOptions { Method = MadMethod.Exact };
        var sampled = new MadOptions { Method = MadMethod.Sampled, Seed = 3 };

        var clock = Stopwatch.StartNew();
        var gapExact = MadGap.Compute(h, adjacency, options: exact);
        long exactMs = clock.ElapsedMilliseconds;
        clock.Restart();
        var gapSampled = MadGap.Compute(h, adjacency, options: sampled);
        output.WriteLine($"MADGap exact {gapExact} in {exactMs} ms; sampled {gapSampled} in {clock.ElapsedMilliseconds} ms");
        Assert.InRange(gapExact.Gap, 0.1, 2); // smooth along the ring: remote pairs differ more than neighbours
        Assert.True(Math.Abs(gapExact.NeighbourMad - gapSampled.NeighbourMad) < Tolerance, $"neighbour {gapExact.NeighbourMad} vs {gapSampled.NeighbourMad}");
        Assert.True(Math.Abs(gapExact.RemoteMad - gapSampled.RemoteMad) < Tolerance, $"remote {gapExact.RemoteMad} vs {gapSampled.RemoteMad}");

        double globalExact = MeanAverageDistance.Global(h, options: exact);
        double globalSampled = MeanAverageDistance.Global(h, options: sampled);
        output.WriteLine($"global MAD exact {globalExact}, sampled {globalSampled}");
        Assert.True(Math.Abs(globalExact - globalSampled) < Tolerance, $"global {globalExact} vs {globalSampled}");
    }

    [Fact]
    public void ReservoirPathsAgreeWithExact()
    {
        // Few pairs per source force the reservoir over the 3-hop ball (24 nodes); a remote start of 340 hops
        // leaves 287 of 3,000 nodes outside the ball (under an eighth), which forces the scanning reservoir.
        var (h, adjacency) = RingLattice(n: 3000, halfDegree: 4, d: 16, seed: 8);
        var exact = MadGap.Compute(h, adjacency, remoteHops: 340, options: new MadOptions { Method = MadMethod.Exact });
        var sampled = MadGap.Compute(h, adjacency, remoteHops: 340,
            options: new MadOptions { Method = MadMethod.Sampled, SampledPairsPerSource = 10, Seed = 1 });
        output.WriteLine($"exact {exact}; sampled {sampled}");
        Assert.True(Math.Abs(exact.NeighbourMad - sampled.NeighbourMad) < Tolerance, $"neighbour {exact.NeighbourMad} vs {sampled.NeighbourMad}");
        Assert.True(Math.Abs(exact.RemoteMad - sampled.RemoteMad) < Tolerance, $"remote {exact.RemoteMad} vs {sampled.RemoteMad}");
    }

    [Fact]
    public void SampledEstimateIsDeterministicBySeed()
    {
        var (h, adjacency) = RingLattice(n: 800, halfDegree: 3, d: 8, seed: 1);
        var options = new MadOptions { Method = MadMethod.Sampled, SampledSources = 64, SampledPairsPerSource = 64, Seed = 5 };
        Assert.Equal(MadGap.Compute(h, adjacency, options: options), MadGap.Compute(h, adjacency, options: options));
        Assert.NotEqual(MeanAverageDistance.Global(h, options: options),
            MeanAverageDistance.Global(h, options: options with { Seed = 6 }));
    }

    [Fact]
    public void AutoSwitchesToSamplingAboveTheThreshold()
    {
        var (h, adjacency) = RingLattice(n: 400, halfDegree: 2, d: 8, seed: 2);
        Assert.False(MadGap.Compute(h, adjacency).Sampled);
        Assert.True(MadGap.Compute(h, adjacency, options: new MadOptions { ExactMaxPairs = 400 * 399 }).Sampled);
    }

    /// <summary>Each node linked to its <paramref name="halfDegree"/> nearest on either side; features vary smoothly around the ring plus noise.</summary>
    private static (RepresentationMatrix, CsrMatrix) RingLattice(int n, int halfDegree, int d, int seed)
    {
        var rng = new Random(seed);
        var rows = new List<int>(); var cols = new List<int>();
        for (int i = 0; i < n; i++)
            for (int k = 1; k <= halfDegree; k++)
            {
                int j = (i + k) % n;
                rows.Add(i); cols.Add(j); rows.Add(j); cols.Add(i);
            }
        var adjacency = CsrMatrix.FromCoo(n, n, rows.ToArray(), cols.ToArray());
        var data = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            double theta = 2 * Math.PI * i / n;
            for (int k = 0; k < d; k++)
            {
                double smooth = k % 2 == 0 ? Math.Cos((k / 2 + 1) * theta) : Math.Sin((k / 2 + 1) * theta);
                data[i * d + k] = (float)(smooth + 0.3 * (rng.NextDouble() * 2 - 1));
            }
        }
        return (new RepresentationMatrix(data, n, d), adjacency);
    }
}
