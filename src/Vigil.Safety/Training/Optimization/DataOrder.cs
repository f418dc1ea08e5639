namespace Vigil.Safety.Training.Optimization;

/// <summary>
/// The order in which a trainer visits its examples: an endless stream of epochs, each a fresh permutation drawn
/// from (seed, epoch). Position k of the stream is a pure function of k, so a checkpoint only needs the step to
/// resume on exactly the same examples.
/// </summary>
public sealed class DataOrder
{
    private readonly int _count;
    private readonly int _seed;
    private int _epoch = -1;
    private int[] _permutation = Array.Empty<int>();

    public DataOrder(int count, int seed)
    {
        if (count < 1) throw new ArgumentException("There are no examples to train on.", nameof(count));
        _count = count;
        _seed = seed;
    }

    /// <summary>The example index at stream position <paramref name="position"/>.</summary>
    public int At(long position)
    {
        if (position < 0) throw new ArgumentOutOfRangeException(nameof(position));
        int epoch = (int)(position / _count);
        if (epoch != _epoch)
        {
            _permutation = Enumerable.Range(0, _count).ToArray();
            // HashCode.Combine is randomised per process; this mix is stable across runs.
            new Random(unchecked(_seed * 1_000_003 + epoch)).Shuffle(_permutation);
            _epoch = epoch;
        }
        return _permutation[position % _count];
    }

    /// <summary>The examples of batch <paramref name="step"/> when each batch takes <paramref name="batchSize"/>.</summary>
    public int[] Batch(int step, int batchSize)
    {
        var batch = new int[batchSize];
        for (int i = 0; i < batchSize; i++) batch[i] = At((long)step * batchSize + i);
        return batch;
    }
}
