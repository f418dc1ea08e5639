using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Bots.Data.Columns;

/// <summary>
/// A map from non-negative <see cref="long"/> keys to <see cref="int"/> rows: open addressing with linear probing, each
/// slot holding its key and row together, so that a lookup or insert in a table of millions of ids touches one cache
/// line (a <see cref="Dictionary{TKey, TValue}"/> touches a bucket array and an entry array). At most three quarters full.
/// A large table lies on huge pages (<see cref="HugePageArray"/>): its accesses are random by design.
/// </summary>
internal sealed class LongIndexMap
{
    private struct Slot
    {
        public long Key;
        // Row + 1, so that a fresh (zeroed) slot reads as empty.
        public int RowPlusOne;
    }

    private Slot[] _slots;
    private int _shift;

    public LongIndexMap(int capacity = 16)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity + capacity / 3 + 1));
        _slots = new Slot[size];
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    /// <summary>The row of <paramref name="key"/>, or −1.</summary>
    public int Get(long key)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.RowPlusOne == 0) return -1;
            if (slot.Key == key) return slot.RowPlusOne - 1;
        }
    }

    /// <summary>Adds <paramref name="key"/> with <paramref name="row"/>; false (and the row already there) when present.</summary>
    public bool TryAdd(long key, int row, out int existing)
    {
        if (Count + 1 > _slots.Length - (_slots.Length >> 2)) Grow();
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.RowPlusOne == 0)
            {
                slot.Key = key;
                slot.RowPlusOne = row + 1;
                Count++;
                existing = row;
                return true;
            }
            if (slot.Key == key)
            {
                existing = slot.RowPlusOne - 1;
                return false;
            }
        }
    }

    /// <summary>A hint only: touches nothing, faults nothing, does nothing where the processor has no prefetch.</summary>
    public unsafe void Prefetch(long key)
    {
        if (!Sse.IsSupported) return;
        fixed (Slot* slot = &_slots[Home(key)]) Sse.Prefetch0(slot);
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ spread consecutive and strided ids alike.
    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    /// <summary>Makes room for <paramref name="capacity"/> keys in one rehash (a reader that knows how many are coming).</summary>
    public void Reserve(int capacity)
    {
        long size = _slots.Length;
        while (capacity + 1L > size - (size >> 2)) size *= 2;
        if (size > _slots.Length) Rehash((int)Math.Min(size, 1 << 30));
    }

    private void Grow() => Rehash(_slots.Length * 2);

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = HugePageArray.Allocate<Slot>(size);
        _shift = 64 - BitOperations.Log2((uint)size);
        int mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.RowPlusOne == 0) continue;
            int i = Home(slot.Key);
            while (_slots[i].RowPlusOne != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }
}
