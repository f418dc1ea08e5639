using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// Keys and values of every layer for the tokens seen so far, for incremental decoding. Storage is preallocated
/// ([batch, kvHeads, capacity, headDim] per layer, doubled when full) and written in place, so a decoding step copies
/// one position rather than the whole history. The cache also remembers which positions are real tokens (left
/// padding is not) and how many real tokens each row has, which gives the rotary position of the next token.
/// Its tensors live outside dispose scopes until <see cref="Dispose"/>. Use it under <c>torch.no_grad()</c>.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly List<(Tensor Keys, Tensor Values)?> _layers = new();
    private Tensor? _keyMask;
    private Tensor? _realCounts;
    private int _capacity;

    public KvCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Positions filled so far (padding included).</summary>
    public int Length { get; private set; }

    public long Batch => _realCounts?.shape[0] ?? 0;

    /// <summary>Whether any filled position is padding (then every query needs an explicit mask).</summary>
    public bool HasPadding { get; private set; }

    /// <summary>Real tokens per row [batch] (int64).</summary>
    internal Tensor RealCounts(long batch, Device device) =>
        _realCounts ?? zeros(batch, dtype: ScalarType.Int64, device: device);

    /// <summary>
    /// Records <paramref name="newMask"/> [batch, time] (bool, true = real token) for the next positions and returns
    /// the mask of every filled position [batch, Length] (a view, valid until the next call).
    /// </summary>
    internal Tensor Extend(Tensor newMask)
    {
        long batch = newMask.shape[0];
        int time = (int)newMask.shape[1];
        if (_keyMask is not null && _keyMask.shape[0] != batch)
            throw new ArgumentException($"the cache holds {_keyMask.shape[0]} rows but the input has {batch}");
        EnsureCapacity(Length + time);
        _keyMask ??= Keep(zeros(batch, _capacity, dtype: ScalarType.Bool, device: newMask.device));
        _realCounts ??= Keep(zeros(batch, dtype: ScalarType.Int64, device: newMask.device));
        _keyMask.narrow(1, Length, time).copy_(newMask);
        _realCounts.add_(newMask.sum(1, type: ScalarType.Int64));
        if (!HasPadding && !newMask.all().item<bool>()) HasPadding = true;
        Length += time;
        return _keyMask.narrow(1, 0, Length);
    }

    /// <summary>
    /// Writes one layer's new keys and values [batch, kvHeads, time, headDim] at <paramref name="start"/> and returns
    /// all of that layer's keys and values up to the end of the write (views).
    /// </summary>
    internal (Tensor Keys, Tensor Values) Write(int layer, int start, Tensor keys, Tensor values)
    {
        while (_layers.Count <= layer) _layers.Add(null);
        if (_layers[layer] is not { } stored)
        {
            long[] shape = [keys.shape[0], keys.shape[1], _capacity, keys.shape[3]];
            stored = (Keep(empty(shape, dtype: keys.dtype, device: keys.device)), Keep(empty(shape, dtype: values.dtype, device: values.device)));
            _layers[layer] = stored;
        }
        long time = keys.shape[2];
        stored.Keys.narrow(2, start, time).copy_(keys);
        stored.Values.narrow(2, start, time).copy_(values);
        return (stored.Keys.narrow(2, 0, start + time), stored.Values.narrow(2, 0, start + time));
    }

    /// <summary>Keeps only the rows <paramref name="rows"/> (int64 indices), e.g. to drop finished sequences from a batch.</summary>
    public void KeepRows(Tensor rows)
    {
        for (int i = 0; i < _layers.Count; i++)
            if (_layers[i] is { } stored)
                _layers[i] = (Replace(stored.Keys, stored.Keys.index_select(0, rows)), Replace(stored.Values, stored.Values.index_select(0, rows)));
        if (_keyMask is not null) _keyMask = Replace(_keyMask, _keyMask.index_select(0, rows));
        if (_realCounts is not null) _realCounts = Replace(_realCounts, _realCounts.index_select(0, rows));
        HasPadding = _keyMask is not null && !_keyMask.narrow(1, 0, Length).all().item<bool>();
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _capacity) return;
        int capacity = Math.Max(needed, 2 * _capacity);
        for (int i = 0; i < _layers.Count; i++)
            if (_layers[i] is { } stored)
                _layers[i] = (Grow(stored.Keys, 2, capacity), Grow(stored.Values, 2, capacity));
        if (_keyMask is not null) _keyMask = Grow(_keyMask, 1, capacity);
        _capacity = capacity;
    }

    private Tensor Grow(Tensor old, int dim, int capacity)
    {
        var shape = old.shape.ToArray();
        shape[dim] = capacity;
        var grown = Keep(zeros(shape, dtype: old.dtype, device: old.device));
        using (var view = grown.narrow(dim, 0, Length)) using (var filled = old.narrow(dim, 0, Length)) view.copy_(filled);
        old.Dispose();
        return grown;
    }

    private static Tensor Replace(Tensor old, Tensor replacement)
    {
        old.Dispose();
        return Keep(replacement);
    }

    private static Tensor Keep(Tensor tensor) => tensor.DetachFromDisposeScope();

    public void Dispose()
    {
        foreach (var stored in _layers)
            if (stored is { } pair)
            {
                pair.Keys.Dispose();
                pair.Values.Dispose();
            }
        _layers.Clear();
        _keyMask?.Dispose();
        _realCounts?.Dispose();
        _keyMask = _realCounts = null;
    }
}
