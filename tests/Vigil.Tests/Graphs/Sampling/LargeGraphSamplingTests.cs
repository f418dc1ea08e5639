using System.Diagnostics;
using Vigil.Core.Sparse;
using Vigil.Graphs.Sampling;
using Xunit.Abstractions;

namespace Vigil.Tests.Graphs.Sampling;

public class LargeGraphSamplingTests(ITestOutputHelper output)
{
    [Fact]
    public void SamplesABatchFromAMillionNodeGraph()
    {
        const int n = 1_000_000, maxDegree = 20;
        var build = Stopwatch.StartNew();
        var rng = new Random(1);
        var rowPtr = new int[n + 1];
        for (int i = 0; i < n; i++) rowPtr[i + 1] = rowPtr[i] + rng.Next(maxDegree + 1); // in-degree 0…20, mean 10
        var colIdx = new int[rowPtr[n]];
        for (int i = 0; i < n; i++)
        {
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) colIdx[e] = rng.Next(n);
            Array.Sort(colIdx, rowPtr[i], rowPtr[i + 1] - rowPtr[i]);
        }
        var adjacency = new CsrMatrix(n, n, rowPtr, colIdx, validate: false);
        build.Stop();

        var targets = new int[1024];
        for (int k = 0; k < targets.Length; k++) targets[k] = k * 977; // distinct, spread over the graph
        int[] fanouts = { 15, 10 };
        var sampler = new NeighborSampler(adjacency, fanouts, seed: 2);
        sampler.Sample(targets, seed: 0); // warm-up (JIT)
        var time = Stopwatch.StartNew();
        var batch = sampler.Sample(targets, seed: 1);
        time.Stop();
        output.WriteLine($"{n} nodes / {adjacency.Nnz} edges built in {build.ElapsedMilliseconds} ms; batch of 1024 with fan-outs [15, 10] " +
            $"sampled in {time.Elapsed.TotalMilliseconds:F2} ms ({batch.Blocks[0].Adjacency.Nnz + batch.Blocks[1].Adjacency.Nnz} edges, " +
            $"{batch.InputNodes.Length} input nodes)");

        Assert.Equal(targets, batch.OutputNodes);
        for (int l = 0; l < fanouts.Length; l++)
        {
            var a = batch.Blocks[l].Adjacency;
            for (int r = 0; r < a.Rows; r++)
            {
                int dst = batch.InputNodes[r];
                int degree = rowPtr[dst + 1] - rowPtr[dst];
                Assert.Equal(Math.Min(degree, fanouts[l]), a.RowPtr[r + 1] - a.RowPtr[r]);
                if (r % 61 != 0) continue; // spot-check edge existence
                for (int e = a.RowPtr[r]; e < a.RowPtr[r + 1]; e++)
                    Assert.True(Array.BinarySearch(colIdx, rowPtr[dst], degree, batch.InputNodes[a.ColIdx[e]]) >= 0);
            }
        }
    }
}
