namespace Vigil.Core.Sparse.Kernels;

/// <summary>Work over a contiguous range of rows; a struct so a kernel's pointers travel without boxing.</summary>
internal interface IRowRangeJob
{
    void Run(int rowStart, int rowEnd);
}

/// <summary>
/// A split of a matrix's rows into contiguous chunks of roughly equal cost (stored entries plus one per row, so
/// a power-law graph's hub rows do not all land in one chunk). Parallel kernels run one task per chunk rather
/// than per row, which keeps scheduling overhead negligible and each thread's output rows contiguous.
/// </summary>
internal sealed class RowChunks
{
    /// <summary>Below this many multiply-adds a kernel runs on the calling thread: waking workers costs more.</summary>
    private const long SerialWork = 1 << 17;

    private readonly int[] _starts;

    public int Rows => _starts[^1];
    public int Count => _starts.Length - 1;

    private RowChunks(int[] starts) => _starts = starts;

    public static RowChunks Balance(CsrMatrix m, int chunksPerCore = 4)
    {
        int count = Math.Max(1, Math.Min(m.Rows, Environment.ProcessorCount * chunksPerCore));
        var starts = new int[count + 1];
        long total = (long)m.Nnz + m.Rows;
        var rowPtr = m.RowPtr;
        for (int c = 1; c < count; c++)
        {
            // First row whose cumulative cost RowPtr[i] + i reaches c/count of the total (cost is strictly increasing).
            long target = total * c / count;
            int lo = starts[c - 1], hi = m.Rows;
            while (lo < hi)
            {
                int mid = (int)(((long)lo + hi) >> 1);
                if ((long)rowPtr[mid] + mid < target) lo = mid + 1; else hi = mid;
            }
            starts[c] = lo;
        }
        starts[count] = m.Rows;
        return new RowChunks(starts);
    }

    /// <summary>Runs <paramref name="job"/> over every chunk; <paramref name="work"/> estimates the total multiply-adds.</summary>
    public void Run<TJob>(TJob job, long work) where TJob : struct, IRowRangeJob
    {
        if (Count == 1 || work < SerialWork || Environment.ProcessorCount == 1)
        {
            job.Run(0, Rows);
            return;
        }
        var starts = _starts;
        Parallel.For(0, Count, c => job.Run(starts[c], starts[c + 1]));
    }
}
