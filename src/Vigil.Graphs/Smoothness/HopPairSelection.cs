namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Masks by hop distance: category k+1 holds the pairs whose distance lies in range k. Ranges must be disjoint.
/// One breadth-first search per row, as deep as the deepest bounded range or one short of an unbounded range's
/// start, decides every pair: nodes it does not reach are farther (or unreachable) and fall in the unbounded range.
/// </summary>
internal sealed class HopPairSelection : PairSelection
{
    private readonly HopRange[] _ranges;
    private readonly BreadthFirstSearch _bfs;
    private readonly int _depth;
    private readonly int _nodeCount;
    private int[][] _reservoirs = Array.Empty<int[]>();
    private readonly int[] _seen;

    public HopPairSelection(UndirectedNeighbours graph, params HopRange[] ranges)
    {
        if (ranges.Length is 0 or > byte.MaxValue) throw new ArgumentException($"Between 1 and {byte.MaxValue} hop ranges are needed, got {ranges.Length}.");
        var sorted = ranges.OrderBy(r => r.MinHops).ToArray();
        for (int k = 1; k < sorted.Length; k++)
        {
            if (sorted[k - 1].MaxHops is not { } prevMax || prevMax >= sorted[k].MinHops)
                throw new ArgumentException($"Hop ranges {sorted[k - 1]} and {sorted[k]} overlap; each pair must fall in at most one.");
        }
        _ranges = ranges;
        _bfs = new BreadthFirstSearch(graph);
        _depth = ranges.Max(r => r.DecidingDepth);
        _nodeCount = graph.NodeCount;
        _seen = new int[ranges.Length];
    }

    public override int CategoryCount => _ranges.Length;

    public override void BeginRow(int row) => _bfs.Run(row, _depth);

    public override byte CategoryOf(int column) => CategoryOfHops(_bfs.HopsTo(column));

    private byte CategoryOfHops(int hops)
    {
        for (int k = 0; k < _ranges.Length; k++)
            if (_ranges[k].Contains(hops)) return (byte)(k + 1);
        return 0;
    }

    /// <summary>
    /// Unreached nodes all share one category (the unbounded range's, if any), so a fill plus one pass over the
    /// search ball categorises the row.
    /// </summary>
    public override void CategorizeRow(int[]? columns, Span<byte> categories)
    {
        if (columns is not null) throw new InvalidOperationException("Hop-distance masks pair each row with every node.");
        categories.Fill(CategoryOfHops(BreadthFirstSearch.NotReached));
        foreach (int v in _bfs.Reached) categories[v] = CategoryOfHops(_bfs.HopsTo(v));
    }

    /// <summary>
    /// Bounded ranges: a uniform reservoir of at most <paramref name="perSource"/> nodes from the search ball.
    /// The unbounded range (nodes the search did not reach, or reached at its start): enumerated when small,
    /// otherwise <paramref name="perSource"/> uniform draws — by rejection when the range holds at least an eighth
    /// of the graph, else by a reservoir over one scan of all nodes.
    /// </summary>
    public override void SampleRow(int row, int[]? columns, int columnCount, Random rng, int perSource, SampledPairs pairs)
    {
        if (columns is not null) throw new InvalidOperationException("Hop-distance masks pair each row with every node.");
        pairs.Clear();
        if (_reservoirs.Length != _ranges.Length || _reservoirs[0].Length != perSource)
            _reservoirs = _ranges.Select(_ => new int[perSource]).ToArray();
        var seen = _seen;
        Array.Clear(seen);
        var reached = _bfs.Reached;
        int nearerThanUnbounded = 0;
        int unbounded = Array.FindIndex(_ranges, r => r.MaxHops is null);
        foreach (int v in reached)
        {
            int hops = _bfs.HopsTo(v);
            if (unbounded >= 0 && hops < _ranges[unbounded].MinHops) nearerThanUnbounded++;
            if (v == row) continue;
            for (int k = 0; k < _ranges.Length; k++)
            {
                if (k == unbounded || !_ranges[k].Contains(hops)) continue;
                int m = seen[k]++;
                if (m < perSource) _reservoirs[k][m] = v;
                else { int j = rng.Next(m + 1); if (j < perSource) _reservoirs[k][j] = v; }
                break;
            }
        }
        for (int k = 0; k < _ranges.Length; k++)
            if (k != unbounded)
                for (int m = 0; m < Math.Min(seen[k], perSource); m++) pairs.Add(_reservoirs[k][m], (byte)(k + 1));
        if (unbounded >= 0) SampleUnbounded(unbounded, _nodeCount - nearerThanUnbounded, rng, perSource, pairs);
    }

    private void SampleUnbounded(int k, int size, Random rng, int perSource, SampledPairs pairs)
    {
        if (size == 0) return;
        int minHops = _ranges[k].MinHops;
        byte cat = (byte)(k + 1);
        if (size <= perSource)
        {
            for (int v = 0; v < _nodeCount; v++) if (_bfs.HopsTo(v) >= minHops) pairs.Add(v, cat);
        }
        else if ((long)size * 8 >= _nodeCount)
        {
            for (int accepted = 0; accepted < perSource;)
            {
                int v = rng.Next(_nodeCount);
                if (_bfs.HopsTo(v) >= minHops) { pairs.Add(v, cat); accepted++; }
            }
        }
        else
        {
            var reservoir = _reservoirs[k];
            int m = 0;
            for (int v = 0; v < _nodeCount; v++)
            {
                if (_bfs.HopsTo(v) < minHops) continue;
                if (m < perSource) reservoir[m] = v;
                else { int j = rng.Next(m + 1); if (j < perSource) reservoir[j] = v; }
                m++;
            }
            for (int i = 0; i < perSource; i++) pairs.Add(reservoir[i], cat);
        }
    }
}
