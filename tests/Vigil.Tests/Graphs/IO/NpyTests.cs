using System.IO.Compression;
using Vigil.Core;
using Vigil.Graphs.IO;

namespace Vigil.Tests.Graphs.IO;

public class NpyTests
{
    private static NpyArray RoundTrip(NpyArray a)
    {
        var ms = new MemoryStream();
        Npy.Write(ms, a);
        ms.Position = 0;
        return Npy.Read(ms, "memory");
    }

    public static TheoryData<NpyArray> EveryDType() => new()
    {
        new NpyArray(new[] { 1.5f, -0f, float.NaN, float.PositiveInfinity, float.Epsilon, -3e38f }, 2, 3),
        new NpyArray(new[] { Math.PI, -1e300, double.NegativeInfinity, 0.1 }, 4),
        new NpyArray(new[] { int.MinValue, -1, 0, 7, int.MaxValue, 42 }, 3, 1, 2),
        new NpyArray(new[] { long.MinValue, -1L, 1L << 40, long.MaxValue }, 2, 2),
        new NpyArray(new[] { true, false, false, true, true }),
        new NpyArray(new byte[] { 0, 1, 128, 255 }, 2, 2),
        new NpyArray(Array.Empty<float>(), 0, 5),
    };

    [Theory]
    [MemberData(nameof(EveryDType))]
    public void RoundTripPreservesDTypeShapeAndEveryBit(NpyArray original)
    {
        var back = RoundTrip(original);
        Assert.Equal(original.DType, back.DType);
        Assert.Equal(original.Shape, back.Shape);
        Assert.Equal(original.Data.GetType(), back.Data.GetType());
        // Compare raw bits so NaN and −0 count as preserved.
        Assert.Equal(RawBits(original.Data), RawBits(back.Data));
    }

    private static byte[] RawBits(Array a) => a switch
    {
        float[] f => f.SelectMany(BitConverter.GetBytes).ToArray(),
        double[] d => d.SelectMany(BitConverter.GetBytes).ToArray(),
        int[] i => i.SelectMany(BitConverter.GetBytes).ToArray(),
        long[] l => l.SelectMany(BitConverter.GetBytes).ToArray(),
        bool[] b => b.Select(x => x ? (byte)1 : (byte)0).ToArray(),
        byte[] u => u,
        _ => throw new ArgumentException(a.GetType().Name),
    };

    [Fact]
    public void FileRoundTripThroughSaveAndLoad()
    {
        using var dir = new TempDirectory();
        var a = new NpyArray(Enumerable.Range(0, 24).Select(i => i * 0.5).ToArray(), 2, 3, 4);
        Npy.Save(dir.File("a.npy"), a);
        var b = Npy.Load(dir.File("a.npy"));
        Assert.Equal(new[] { 2, 3, 4 }, b.Shape);
        Assert.Equal(a.Get<double>(), b.Get<double>());
    }

    [Fact]
    public void HeaderMatchesNumPysLayoutByteForByte()
    {
        // numpy.save(f, numpy.arange(3, dtype='<i4')) with NumPy's 64-byte alignment and 21-digit growth room.
        var written = new MemoryStream();
        Npy.Write(written, new NpyArray(new[] { 0, 1, 2 }));
        var bytes = written.ToArray();
        Assert.Equal(128 + 12, bytes.Length);
        var header = System.Text.Encoding.Latin1.GetString(bytes, 10, 118);
        Assert.Equal("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }" + new string(' ', 20 + 40) + "\n", header);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }, bytes[..10]);
    }

    [DataFileFact("graphs", "cora.npz")]
    public void RewritingNumPyWrittenMembersReproducesTheirBytes()
    {
        // cora.npz was written by NumPy: reading each member and writing it back must give identical bytes.
        using var zip = ZipFile.OpenRead(DataDirectory.FindFile("graphs", "cora.npz")!);
        Assert.NotEmpty(zip.Entries);
        foreach (var entry in zip.Entries)
        {
            var original = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(original);
            original.Position = 0;
            var array = Npy.Read(original, "cora.npz", entry.Name);
            var rewritten = new MemoryStream();
            Npy.Write(rewritten, array);
            Assert.True(original.ToArray().AsSpan().SequenceEqual(rewritten.ToArray()), $"member {entry.Name} differs after a rewrite");
        }
    }

    [Fact]
    public void ReadsVersion2And3HeadersPython2LongsScalarsAndBigEndian()
    {
        var v2 = Npy.Read(new MemoryStream(RawNpy.Bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 1L), }",
            new[] { 1.25, -2.0 }.SelectMany(BitConverter.GetBytes).ToArray(), major: 2)), "v2.npy");
        Assert.Equal(new[] { 2, 1 }, v2.Shape);
        Assert.Equal(new[] { 1.25, -2.0 }, v2.Get<double>());

        var v3 = Npy.Read(new MemoryStream(RawNpy.Bytes("{\"descr\": \"<i8\", \"fortran_order\": False, \"shape\": ()}",
            RawNpy.Int64s(-9), major: 3)), "v3.npy");
        Assert.Empty(v3.Shape);
        Assert.Equal(new[] { -9L }, v3.Get<long>());

        var big = Npy.Read(new MemoryStream(RawNpy.Bytes("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }",
            new byte[] { 0, 0, 1, 2, 0xFF, 0xFF, 0xFF, 0xFE })), "big.npy");
        Assert.Equal(new[] { 258, -2 }, big.Get<int>());

        var bigFloat = Npy.Read(new MemoryStream(RawNpy.Bytes("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }",
            BitConverter.GetBytes(1.5f).Reverse().ToArray())), "bigf.npy");
        Assert.Equal(new[] { 1.5f }, bigFloat.Get<float>());
    }

    [Fact]
    public void FortranOrderIsAcceptedWhereItEqualsCOrder()
    {
        var a = Npy.Read(new MemoryStream(RawNpy.Bytes("{'descr': '<i4', 'fortran_order': True, 'shape': (3,), }",
            RawNpy.Int32s(4, 5, 6))), "f.npy");
        Assert.Equal(new[] { 4, 5, 6 }, a.Get<int>());
    }

    [Fact]
    public void NonCanonicalBooleanBytesReadAsTrue()
    {
        var a = Npy.Read(new MemoryStream(RawNpy.Vector("|b1", new byte[] { 0, 1, 7 }, 3)), "b.npy");
        Assert.Equal(new[] { false, true, true }, a.Get<bool>());
        Assert.True(a.Get<bool>()[2] == true); // a canonical 1, so equality with true holds
    }

    [Fact]
    public void ConversionsWidenAndRangeCheck()
    {
        Assert.Equal(new[] { 1, -2 }, new NpyArray(new[] { 1L, -2L }).ToInt32());
        var tooBig = Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 1L, 1L << 33 }).ToInt32());
        Assert.Contains("index 1", tooBig.Message);
        Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 1.0f }).ToInt32());
        Assert.Equal(new[] { true, false }, new NpyArray(new byte[] { 1, 0 }).ToBoolean());
        Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 0, 2 }).ToBoolean());
        Assert.Equal(new[] { 0.5f, 3f }, new NpyArray(new[] { 0.5, 3.0 }).ToFloat32());
    }

    [Fact]
    public void ShapeMustMatchData()
    {
        Assert.Throws<ArgumentException>(() => new NpyArray(new float[5], 2, 3));
        Assert.Throws<InvalidOperationException>(() => new NpyArray(new float[2]).Get<int>());
    }
}
