using Vigil.Core.Sparse;
using Vigil.Graphs.Nn;

namespace Vigil.Graphs.Sampling;

/// <summary>
/// Layer-wise neighbour sampling (GraphSAGE; DGL's <c>NeighborSampler</c>, PyG's <c>NeighborLoader</c>). For a batch
/// of target nodes it samples, hop by hop outwards, up to <c>fanouts[l]</c> in-neighbours per node without
/// replacement (all of them when there are fewer, or when the fan-out is −1), and returns the bipartite blocks over
/// locally renumbered nodes. Fan-outs are in layer order as in DGL: <c>fanouts[l]</c> is the fan-out of the block
/// layer l consumes, so the last fan-out applies to the targets themselves. Neighbours are the adjacency row's
/// entries (row = destination, columns = sources of its in-edges); edge values, when present, travel with the edges.
/// <para>
/// Buffers are sized once (a stamp array of N for renumbering, one of the largest degree for draws) and reused, so a
/// batch costs time and memory in proportion to the sampled edges, not the graph. Not thread-safe: give each thread
/// its own sampler.
/// </para>
/// </summary>
public sealed class NeighborSampler : IBlockSampler
{
    private readonly CsrMatrix _adjacency;
    private readonly int[] _fanouts;
    private readonly Random _rng;

    private readonly int[] _localOf;
    private readonly int[] _nodeStamp;
    private int _nodeMark;
    private readonly int[] _positionStamp;
    private int _positionMark;

    private int[] _frontier = new int[1024];
    private int[] _sources = new int[1024];
    private int[] _edgeCols = new int[4096];
    private float[] _edgeVals = Array.Empty<float>();
    private readonly int[] _drawn;

    public IReadOnlyList<int> Fanouts => _fanouts;
    public int NumLayers => _fanouts.Length;
    public int NodeCount => _adjacency.Rows;
    public CsrMatrix Adjacency => _adjacency;

    public NeighborSampler(CsrMatrix adjacency, int[] fanouts, int seed)
    {
        if (adjacency.Rows != adjacency.Cols)
            throw new ArgumentException($"Neighbour sampling needs a square adjacency, got {adjacency.Rows}×{adjacency.Cols}.");
        if (fanouts.Length == 0) throw new ArgumentException("At least one fan-out (one layer) is needed.");
        for (int l = 0; l < fanouts.Length; l++)
            if (fanouts[l] < -1) throw new ArgumentOutOfRangeException(nameof(fanouts), $"Fan-out {fanouts[l]} of layer {l} must be −1 (all neighbours) or non-negative.");
        _adjacency = adjacency;
        _fanouts = (int[])fanouts.Clone();
        _rng = new Random(seed);
        int n = adjacency.Rows;
        _localOf = new int[n];
        _nodeStamp = new int[n];
        int maxDegree = 0;
        for (int i = 0; i < n; i++) maxDegree = Math.Max(maxDegree, adjacency.RowPtr[i + 1] - adjacency.RowPtr[i]);
        _positionStamp = new int[maxDegree];
        int maxFanout = 0;
        foreach (int f in fanouts) maxFanout = Math.Max(maxFanout, f);
        _drawn = new int[Math.Min(maxFanout, maxDegree)];
        if (adjacency.Values is not null) _edgeVals = new float[_edgeCols.Length];
    }

    /// <summary>Samples blocks for <paramref name="targets"/> with the sampler's own random stream.</summary>
    public SampledBatch Sample(ReadOnlySpan<int> targets) => Sample(targets, _rng);

    /// <summary>Samples blocks for <paramref name="targets"/> reproducibly from <paramref name="seed"/> alone.</summary>
    public SampledBatch Sample(ReadOnlySpan<int> targets, int seed) => Sample(targets, new Random(seed));

    private SampledBatch Sample(ReadOnlySpan<int> targets, Random rng)
    {
        if (targets.Length == 0) throw new ArgumentException("A batch needs at least one target node.");
        int n = _adjacency.Rows;
        NextNodeMark();
        for (int k = 0; k < targets.Length; k++)
        {
            int v = targets[k];
            if ((uint)v >= (uint)n) throw new ArgumentOutOfRangeException(nameof(targets), $"Target {v} at position {k} is outside [0, {n}).");
            if (_nodeStamp[v] == _nodeMark) throw new ArgumentException($"Target {v} at position {k} appears more than once in the batch.");
            _nodeStamp[v] = _nodeMark;
        }
        EnsureCapacity(ref _frontier, targets.Length);
        targets.CopyTo(_frontier);
        int frontierCount = targets.Length;

        var blocks = new MessageGraph[_fanouts.Length];
        for (int layer = _fanouts.Length - 1; layer >= 0; layer--)
        {
            int sourceCount = SampleBlock(frontierCount, _fanouts[layer], rng, out var block);
            blocks[layer] = block;
            (_frontier, _sources) = (_sources, _frontier);
            frontierCount = sourceCount;
        }
        return new SampledBatch(blocks, _frontier.AsSpan(0, frontierCount).ToArray(), targets.ToArray());
    }

    /// <summary>
    /// One block: rows are the <paramref name="targetCount"/> frontier nodes; sources start as the same nodes and
    /// grow with each newly seen neighbour. Leaves the source ids in <see cref="_sources"/>.
    /// </summary>
    private int SampleBlock(int targetCount, int fanout, Random rng, out MessageGraph block)
    {
        var rowPtrA = _adjacency.RowPtr; var colIdxA = _adjacency.ColIdx; var valuesA = _adjacency.Values;
        NextNodeMark();
        EnsureCapacity(ref _sources, targetCount);
        for (int i = 0; i < targetCount; i++)
        {
            int v = _frontier[i];
            _sources[i] = v; _localOf[v] = i; _nodeStamp[v] = _nodeMark;
        }
        int sourceCount = targetCount;
        var rowPtr = new int[targetCount + 1];
        int edges = 0;
        for (int i = 0; i < targetCount; i++)
        {
            int start = rowPtrA[_frontier[i]], degree = rowPtrA[_frontier[i] + 1] - start;
            int take = fanout < 0 || degree <= fanout ? degree : fanout;
            EnsureEdgeCapacity(edges + take);
            if (take == degree)
            {
                for (int p = 0; p < degree; p++) AddEdge(start + p, ref edges, ref sourceCount, colIdxA, valuesA);
            }
            else
            {
                DrawPositions(degree, take, rng);
                for (int p = 0; p < take; p++) AddEdge(start + _drawn[p], ref edges, ref sourceCount, colIdxA, valuesA);
            }
            SortRow(rowPtr[i], edges);
            rowPtr[i + 1] = edges;
        }
        var cols = _edgeCols.AsSpan(0, edges).ToArray();
        var vals = valuesA is null ? null : _edgeVals.AsSpan(0, edges).ToArray();
        block = new MessageGraph(new CsrMatrix(targetCount, sourceCount, rowPtr, cols, vals, validate: false));
        return sourceCount;
    }

    private void AddEdge(int entry, ref int edges, ref int sourceCount, int[] colIdxA, float[]? valuesA)
    {
        int u = colIdxA[entry];
        int local;
        if (_nodeStamp[u] == _nodeMark) local = _localOf[u];
        else
        {
            local = sourceCount++;
            EnsureCapacity(ref _sources, sourceCount);
            _sources[local] = u; _localOf[u] = local; _nodeStamp[u] = _nodeMark;
        }
        _edgeCols[edges] = local;
        if (valuesA is not null) _edgeVals[edges] = valuesA[entry];
        edges++;
    }

    /// <summary>Robert Floyd's algorithm: a uniform <paramref name="take"/>-subset of [0, degree) in O(take) draws.</summary>
    private void DrawPositions(int degree, int take, Random rng)
    {
        if (++_positionMark == int.MaxValue) { Array.Clear(_positionStamp); _positionMark = 1; }
        int k = 0;
        for (int j = degree - take; j < degree; j++)
        {
            int t = rng.Next(j + 1);
            int pick = _positionStamp[t] == _positionMark ? j : t;
            _positionStamp[pick] = _positionMark;
            _drawn[k++] = pick;
        }
    }

    /// <summary>Sorts one row's local source ids (CSR rows are sorted), carrying edge values along.</summary>
    private void SortRow(int from, int to)
    {
        int len = to - from;
        if (len < 2) return;
        bool hasValues = _adjacency.Values is not null;
        if (len > 32)
        {
            if (hasValues) Array.Sort(_edgeCols, _edgeVals, from, len);
            else Array.Sort(_edgeCols, from, len);
            return;
        }
        for (int a = from + 1; a < to; a++)
        {
            int key = _edgeCols[a];
            float val = hasValues ? _edgeVals[a] : 0;
            int b = a - 1;
            while (b >= from && _edgeCols[b] > key)
            {
                _edgeCols[b + 1] = _edgeCols[b];
                if (hasValues) _edgeVals[b + 1] = _edgeVals[b];
                b--;
            }
            _edgeCols[b + 1] = key;
            if (hasValues) _edgeVals[b + 1] = val;
        }
    }

    private void NextNodeMark()
    {
        if (++_nodeMark == int.MaxValue) { Array.Clear(_nodeStamp); _nodeMark = 1; }
    }

    private void EnsureEdgeCapacity(int needed)
    {
        if (needed <= _edgeCols.Length) return;
        int size = Math.Max(needed, _edgeCols.Length * 2);
        Array.Resize(ref _edgeCols, size);
        if (_adjacency.Values is not null) Array.Resize(ref _edgeVals, size);
    }

    private static void EnsureCapacity(ref int[] buffer, int needed)
    {
        if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
    }
}
