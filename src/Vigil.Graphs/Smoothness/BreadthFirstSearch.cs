namespace Vigil.Graphs.Smoothness;

/// <summary>
/// Depth-bounded breadth-first search over undirected neighbour lists, reusable across sources without clearing:
/// a per-node stamp marks which nodes the current search reached, so each search costs only what it visits.
/// </summary>
internal sealed class BreadthFirstSearch
{
    /// <summary>Hop count reported for a node the current search did not reach (unreachable or deeper).</summary>
    public const int NotReached = int.MaxValue;

    private readonly UndirectedNeighbours _graph;
    private readonly int[] _stamp;
    private readonly int[] _hops;
    private readonly int[] _order;
    private int _current;

    public BreadthFirstSearch(UndirectedNeighbours graph)
    {
        _graph = graph;
        _stamp = new int[graph.NodeCount];
        _hops = new int[graph.NodeCount];
        _order = new int[graph.NodeCount];
    }

    /// <summary>Nodes reached by the last search, in order of non-decreasing hop count (the source first).</summary>
    public ReadOnlySpan<int> Reached => _order.AsSpan(0, ReachedCount);
    public int ReachedCount { get; private set; }

    /// <summary>Visits every node within <paramref name="maxDepth"/> hops of <paramref name="source"/>.</summary>
    public void Run(int source, int maxDepth)
    {
        if (++_current == int.MaxValue) { Array.Clear(_stamp); _current = 1; }
        _stamp[source] = _current; _hops[source] = 0; _order[0] = source;
        int head = 0, tail = 1;
        var ptr = _graph.RowPtr; var idx = _graph.ColIdx;
        while (head < tail)
        {
            int u = _order[head++];
            int h = _hops[u];
            if (h >= maxDepth) break; // queue is in hop order, so everything after is at least as deep
            for (int e = ptr[u]; e < ptr[u + 1]; e++)
            {
                int v = idx[e];
                if (_stamp[v] == _current) continue;
                _stamp[v] = _current; _hops[v] = h + 1; _order[tail++] = v;
            }
        }
        ReachedCount = tail;
    }

    /// <summary>Hop distance of <paramref name="node"/> from the last source, or <see cref="NotReached"/>.</summary>
    public int HopsTo(int node) => _stamp[node] == _current ? _hops[node] : NotReached;
}
