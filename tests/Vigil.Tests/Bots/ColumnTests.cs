using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.Data.Columns;

namespace Vigil.Tests.Bots;

public class ColumnTests
{
    [Fact]
    public void TheIdMapAgreesWithADictionaryThroughManyGrowths()
    {
        var map = new LongIndexMap();
        var reference = new Dictionary<long, int>();
        var rng = new Random(5);
        for (int i = 0; i < 50_000; i++)
        {
            // Twitter-like ids, strided ids and repeats.
            long key = (i % 3) switch { 0 => rng.NextInt64(0, long.MaxValue), 1 => i * 4096L, _ => rng.Next(1000) };
            bool added = map.TryAdd(key, reference.Count, out int existing);
            Assert.Equal(reference.TryAdd(key, reference.Count), added);
            Assert.Equal(reference[key], existing);
        }
        Assert.Equal(reference.Count, map.Count);
        foreach (var (key, row) in reference) Assert.Equal(row, map.Get(key));
        Assert.Equal(-1, map.Get(-5));
        Assert.Equal(-1, map.Get(4096L * 50_001));
    }

    [Fact]
    public void AHugePageArrayIsZeroedPinnedAndUsable()
    {
        // Large enough to take the huge-page path (pinned, advised, cleared); a small one is an ordinary array.
        long[] large = HugePageArray.Allocate<long>(HugePageArray.MinBytes / sizeof(long) + 12_345);
        Assert.Equal(HugePageArray.MinBytes / sizeof(long) + 12_345, large.Length);
        Assert.DoesNotContain(large, v => v != 0);
        for (int i = 0; i < large.Length; i += 4099) large[i] = i;
        for (int i = 0; i < large.Length; i += 4099) Assert.Equal(i, large[i]);
        var small = HugePageArray.Allocate<long>(100);
        Assert.Equal(100, small.Length);
        Assert.DoesNotContain(small, v => v != 0);
    }

    [Fact]
    public void AnIdMapReservedForMillionsOfIdsFindsEveryOne()
    {
        // 3M ids: the slot table (64 MiB) lies on huge pages where the kernel allows it.
        var map = new LongIndexMap();
        map.Reserve(3_000_000);
        for (int i = 0; i < 3_000_000; i++) Assert.True(map.TryAdd(1_200_000_000_000_000_000L + 7L * i, i, out _));
        Assert.False(map.TryAdd(1_200_000_000_000_000_000L + 7L * 123, 0, out int existing));
        Assert.Equal(123, existing);
        for (int i = 0; i < 3_000_000; i += 997) Assert.Equal(i, map.Get(1_200_000_000_000_000_000L + 7L * i));
        Assert.Equal(-1, map.Get(1_200_000_000_000_000_001L));
    }

    [Fact]
    public void TextsOfEveryLengthAndNullsComeBackUnchanged()
    {
        var column = new Utf8TextColumn();
        var texts = new List<string?> { "", null, "a", "日本語 😀", new string('x', 70_000), null, "" };
        for (int i = 0; i < 3000; i++) texts.Add(i % 7 == 0 ? null : new string((char)('a' + i % 26), i % 300));
        foreach (var t in texts) column.Add(t);
        Assert.Equal(texts.Count, column.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i] is null, column.IsNull(i));
            Assert.Equal(texts[i], column.GetString(i));
        }
        Assert.Equal(texts.Sum(t => t is null ? 0L : Encoding.UTF8.GetByteCount(t)), column.ByteCount);
    }

    [Fact]
    public void ATextLongerThanTheLengthFieldKeepsItsLength()
    {
        var column = new Utf8TextColumn();
        var big = new byte[(1 << 24) + 3];
        big.AsSpan().Fill((byte)'q');
        big[^1] = (byte)'!';
        column.Add("before");
        column.Add(big);
        column.Add("after");
        Assert.Equal(big.Length, column.GetUtf8(1).Length);
        Assert.Equal((byte)'!', column.GetUtf8(1)[^1]);
        Assert.Equal(("before", "after"), (column.GetString(0), column.GetString(2)));
    }

    [Fact]
    public void AClearedTextColumnIsFilledAgainAndReadsBackTheNewTexts()
    {
        var column = new Utf8TextColumn();
        for (int i = 0; i < 3000; i++) column.Add(Encoding.UTF8.GetBytes(new string('a', i % 40)));
        column.Clear();
        Assert.Equal((0, 0L), (column.Count, column.ByteCount));
        // Texts of growing length: the kept chunks are filled again, and a text longer than the next kept chunk gets
        // a chunk of its own between them.
        var texts = Enumerable.Range(0, 2000).Select(i => i % 7 == 3 ? null : new string((char)('a' + i % 26), i * 7 % 900)).ToList();
        texts.Insert(1000, new string('z', 300_000));
        foreach (var text in texts) column.Add(text);
        Assert.Equal(texts.Count, column.Count);
        for (int row = 0; row < texts.Count; row++) Assert.Equal(texts[row], column.GetString(row));
    }

    // Texts of many lengths, empties and nulls, one longer than the length field (it carries a length prefix), in a
    // column that was cleared and filled again (kept chunks, one inserted between them).
    private static (Utf8TextColumn Column, List<string?> Texts) TextsForRanges()
    {
        var column = new Utf8TextColumn();
        for (int i = 0; i < 2000; i++) column.Add(Encoding.UTF8.GetBytes(new string('a', i % 50)));
        column.Clear();
        var texts = Enumerable.Range(0, 6000).Select(i => i % 11 == 3 ? null : i % 13 == 5 ? "" : new string((char)('a' + i % 26), i * 7 % 700) + "é").ToList();
        texts.Insert(3000, new string('z', 300_000));
        texts.Insert(4000, new string('L', (1 << 24) + 5));
        foreach (var text in texts) column.Add(text);
        return (column, texts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(997)]
    public void TextRangesCopyAsRowByRow(int step)
    {
        var (source, texts) = TextsForRanges();
        var byRange = new Utf8TextColumn();
        var byRow = new Utf8TextColumn();
        foreach (var column in new[] { byRange, byRow }) { column.Add("already here"); column.AddNull(); }
        // Ranges of every size, from one row to all of them (step 0), and an empty range.
        int start = 0;
        byRange.AddRangeFrom(source, 0, 0);
        while (start < texts.Count)
        {
            int count = step == 0 ? texts.Count : Math.Min(texts.Count - start, step + start % 5);
            byRange.AddRangeFrom(source, start, count);
            for (int row = start; row < start + count; row++) byRow.AddFrom(source, row);
            start += count;
        }
        Assert.Equal(byRow.Count, byRange.Count);
        Assert.Equal(byRow.ByteCount, byRange.ByteCount);
        Assert.Equal(texts.Sum(t => t is null ? 0L : Encoding.UTF8.GetByteCount(t)) + "already here".Length, byRange.ByteCount);
        for (int row = 0; row < byRow.Count; row++)
        {
            Assert.Equal(byRow.IsNull(row), byRange.IsNull(row));
            Assert.True(byRow.GetUtf8(row).SequenceEqual(byRange.GetUtf8(row)), $"row {row}");
        }
        // Texts added after the ranges land after them.
        byRange.Add("last");
        Assert.Equal("last", byRange.GetString(byRange.Count - 1));
        Assert.Equal(texts[3000], byRange.GetString(3002));
    }

    [Fact]
    public void SwappedTextColumnsKeepEachOthersTextsAndGrowOn()
    {
        var (a, b) = (new Utf8TextColumn(), new Utf8TextColumn());
        foreach (var t in new[] { "one", null, "", new string('x', 9000) }) a.Add(t);
        b.Add("other");
        a.SwapWith(b);
        a.Add("after");
        b.Add("more");
        Assert.Equal(new[] { "other", "after" }, Enumerable.Range(0, a.Count).Select(a.GetString));
        Assert.Equal(new[] { "one", null, "", new string('x', 9000), "more" }, Enumerable.Range(0, b.Count).Select(b.GetString));
        Assert.Equal(("otherafter".Length, 9007L), (a.ByteCount, b.ByteCount));
    }

    [Fact]
    public void AUserTableTakesOverAnotherTablesFieldsOnlyWhenEmpty()
    {
        var part = new UserTable();
        part.Add(new UserRow(5) { Name = "five", FollowersCount = 3 });
        part.Add(new UserRow(6) { Description = "six" });
        var table = new UserTable();
        foreach (long id in part.Ids.Ids) Assert.True(table.Ids.TryAdd(id, out _));
        table.TakeFieldsOf(part);
        Assert.Equal(("five", 3, "six"), (table[0].Name, table[0].FollowersCount, table[1].Description));
        Assert.Equal(0, part.FollowersCount.Length);
        Assert.Throws<InvalidOperationException>(() => table.TakeFieldsOf(part));
    }

    [Fact]
    public void CategoryRangesCopyAsRowByRow()
    {
        var source = new CategoryColumn();
        var values = Enumerable.Range(0, 500).Select(i => i % 9 == 0 ? null : $"v{i * 7 % 23}").ToList();
        foreach (var v in values) source.Add(v);
        var (byRange, byRow) = (new CategoryColumn(), new CategoryColumn());
        foreach (var column in new[] { byRange, byRow }) { column.Add("v5"); column.Add("other"); }
        var (rangeMap, rowMap) = (CategoryColumn.NewCodeMap(source), CategoryColumn.NewCodeMap(source));
        for (int start = 0; start < values.Count; start += 37)
        {
            int count = Math.Min(37, values.Count - start);
            byRange.AddRangeFrom(source, start, count, rangeMap);
            for (int row = start; row < start + count; row++) byRow.AddFrom(source, row, rowMap);
        }
        Assert.Equal(byRow.Values, byRange.Values);
        Assert.Equal(byRow.Codes.ToArray(), byRange.Codes.ToArray());
        Assert.Equal(values, Enumerable.Range(2, values.Count).Select(row => byRange[row]));
    }

    [Fact]
    public void AClearedCategoryColumnStartsItsCodesAgain()
    {
        var column = new CategoryColumn();
        foreach (var value in new[] { "en", "ja", "en" }) column.Add(value);
        column.Clear();
        foreach (var value in new[] { "ja", null, "de", "ja" }) column.Add(value);
        Assert.Equal(new[] { "ja", "de" }, column.Values);
        Assert.Equal(new[] { 0, CategoryColumn.NullCode, 1, 0 }, column.Codes.ToArray());
    }

    [Fact]
    public void RepeatedCategoriesAreStoredOnce()
    {
        var column = new CategoryColumn();
        foreach (var v in new[] { "en", "ja", null, "en", "und", "ja", "en" }) column.Add(v);
        Assert.Equal(new[] { "en", "ja", "und" }, column.Values);
        Assert.Equal(new[] { 0, 1, CategoryColumn.NullCode, 0, 2, 1, 0 }, column.Codes.ToArray());
        Assert.Null(column[2]);
        Assert.Equal("und", column[4]);
    }

    [Fact]
    public void TheTimestampArithmeticAgreesWithDateTimeOffset()
    {
        var rng = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            var t = DateTimeOffset.FromUnixTimeSeconds(rng.NextInt64(-2_000_000_000L, 5_000_000_000L));
            var text = t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+00:00";
            Assert.True(TwiBotTime.TryParse(Encoding.UTF8.GetBytes(text), out long seconds), text);
            Assert.Equal(t.ToUnixTimeSeconds(), seconds);
        }
    }
}
