using System.IO.Compression;
using Vigil.Graphs.IO;

namespace Vigil.Tests.Graphs.IO;

public class NpzTests
{
    private static readonly Dictionary<string, NpyArray> Sample = new()
    {
        ["weights"] = new NpyArray(Enumerable.Range(0, 600).Select(i => (float)Math.Sin(i)).ToArray(), 20, 30),
        ["ids"] = new NpyArray(Enumerable.Range(0, 1000).Select(i => (long)i * 3).ToArray()),
        ["mask"] = new NpyArray(Enumerable.Range(0, 1000).Select(i => i % 3 == 0).ToArray()),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SaveThenLoadGivesTheSameArrays(bool compress)
    {
        using var dir = new TempDirectory();
        var path = dir.File("sample.npz");
        Npz.Save(path, Sample, compress);
        var back = Npz.Load(path);
        Assert.Equal(Sample.Keys.Order(), back.Keys.Order());
        Assert.Equal(Sample["weights"].Get<float>(), back["weights"].Get<float>());
        Assert.Equal(new[] { 20, 30 }, back["weights"].Shape);
        Assert.Equal(Sample["ids"].Get<long>(), back["ids"].Get<long>());
        Assert.Equal(Sample["mask"].Get<bool>(), back["mask"].Get<bool>());
        Assert.False(File.Exists(path + ".partial"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MembersAreStoredOrDeflatedAsNumPyDoes(bool compress)
    {
        using var dir = new TempDirectory();
        var path = dir.File("sample.npz");
        Npz.Save(path, Sample, compress);
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(new[] { "ids.npy", "mask.npy", "weights.npy" }, zip.Entries.Select(e => e.FullName).Order());
        foreach (var e in zip.Entries)
        {
            if (compress) Assert.True(e.CompressedLength < e.Length, $"{e.FullName} is not deflated");
            else Assert.Equal(e.Length, e.CompressedLength);
        }
    }

    [Fact]
    public void ReaderListsKeysAndReadsOnlyWhatIsAsked()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mixed.npz");
        // A pickled object array, as gnn-benchmark files hold for node names, must not stop the other arrays.
        RawNpy.Zip(path, new[]
        {
            ("node_names.npy", RawNpy.Bytes("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new byte[] { 0x80, 2 })),
            ("x.npy", RawNpy.Vector("<i4", RawNpy.Int32s(3, 1, 4), 3)),
        }, compress: true);
        using var npz = NpzReader.Open(path);
        Assert.Equal(new[] { "node_names", "x" }, npz.Keys);
        Assert.Equal(new[] { 3, 1, 4 }, npz.ReadInt32("x"));
        var e = Assert.Throws<NpzFormatException>(() => npz.Read("node_names"));
        Assert.Contains("pickled", e.Message);
    }

    [Fact]
    public void AFailedWriteLeavesNoFileBehind()
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.npz");
        Assert.Throws<ArgumentException>(() =>
        {
            using var w = new NpzWriter(path);
            w.Write("a", new NpyArray(new[] { 1 }));
            w.Write("a", new NpyArray(new[] { 2 }));
        });
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
