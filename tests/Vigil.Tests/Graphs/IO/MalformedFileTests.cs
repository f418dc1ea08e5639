using Vigil.Graphs.IO;

namespace Vigil.Tests.Graphs.IO;

/// <summary>Every kind of broken file gives an <see cref="NpzFormatException"/> naming the file, the array and the fault.</summary>
public class MalformedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    public void Dispose() => _dir.Dispose();

    private static NpzFormatException AssertBad(Action read, string path, string? array, string problemPart)
    {
        var e = Assert.Throws<NpzFormatException>(read);
        Assert.Equal(path, e.FilePath);
        Assert.Equal(array, e.ArrayName);
        Assert.Contains(problemPart, e.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Path.GetFileName(path), e.Message);
        if (array is not null) Assert.Contains($"'{array}'", e.Message);
        return e;
    }

    private string NpzWith(string name, byte[] memberBytes, bool compress = false)
    {
        var path = _dir.File(name);
        RawNpy.Zip(path, new[] { ("arr.npy", memberBytes) }, compress);
        return path;
    }

    private string ValidNpz()
    {
        var path = _dir.File("valid.npz");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["arr"] = new(Enumerable.Range(0, 5000).ToArray()) });
        return path;
    }

    [Fact]
    public void TruncatedZip()
    {
        var bytes = File.ReadAllBytes(ValidNpz());
        var path = _dir.File("truncated.npz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        AssertBad(() => NpzReader.Open(path).Dispose(), path, null, "zip");
    }

    [Fact]
    public void NotAZipAtAll()
    {
        var path = _dir.File("garbage.npz");
        File.WriteAllBytes(path, Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray());
        AssertBad(() => Npz.Load(path), path, null, "zip");
    }

    [Fact]
    public void CorruptDeflatedMember()
    {
        var path = NpzWith("corrupt.npz", RawNpy.Vector("<i4", RawNpy.Int32s(Enumerable.Range(0, 1000).ToArray()), 1000), compress: true);
        // Overwrite the start of the deflate data (after the 30-byte local header, the name and the extra field)
        // with 0xFF: block type 3 is reserved, so no decoder can accept it.
        var bytes = File.ReadAllBytes(path);
        int dataStart = 30 + BitConverter.ToUInt16(bytes, 26) + BitConverter.ToUInt16(bytes, 28);
        Array.Fill(bytes, (byte)0xFF, dataStart, 16);
        File.WriteAllBytes(path, bytes);
        AssertBad(() => Npz.Load(path), path, "arr", "corrupt");
    }

    [Fact]
    public void TruncatedArrayData()
    {
        var path = NpzWith("short.npz", RawNpy.Vector("<f4", RawNpy.Float32s(1, 2, 3), 4));
        AssertBad(() => Npz.Load(path), path, "arr", "truncated");
    }

    [Fact]
    public void TruncatedHeader()
    {
        var full = RawNpy.Vector("<f4", RawNpy.Float32s(1), 1);
        var path = NpzWith("shorthead.npz", full[..20]);
        AssertBad(() => Npz.Load(path), path, "arr", "truncated");
    }

    [Fact]
    public void UnknownDType()
    {
        var path = NpzWith("complex.npz", RawNpy.Vector("<c8", new byte[16], 2));
        AssertBad(() => Npz.Load(path), path, "arr", "unsupported dtype '<c8'");
    }

    [Fact]
    public void FortranOrder()
    {
        var path = NpzWith("fortran.npz", RawNpy.Bytes("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 2), }", RawNpy.Int32s(1, 2, 3, 4)));
        AssertBad(() => Npz.Load(path), path, "arr", "Fortran");
    }

    [Theory]
    [InlineData("{'descr': '<i4', 'fortran_order': False, }", "must hold")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,) ", "expected")]
    [InlineData("{'descr': '<i4', 'fortran_order': Maybe, 'shape': (2,), }", "expected a string, True, False")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (-2,), }", "dimension")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), 'extra': True, }", "unexpected key 'extra'")]
    [InlineData("{'descr': 4, 'fortran_order': False, 'shape': (2,), }", "expected a string")]
    public void BadHeader(string header, string problemPart)
    {
        var path = NpzWith("header.npz", RawNpy.Bytes(header, RawNpy.Int32s(1, 2)));
        var e = AssertBad(() => Npz.Load(path), path, "arr", "bad header");
        Assert.Contains(problemPart, e.Problem);
    }

    [Fact]
    public void BadMagicInALoneNpyFile()
    {
        var path = _dir.File("notnpy.npy");
        File.WriteAllText(path, "just some text, not an array");
        AssertBad(() => Npy.Load(path), path, null, "magic");
    }

    [Fact]
    public void ShapeTooLargeForAnArray()
    {
        var path = NpzWith("huge.npz", RawNpy.Bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[8]));
        AssertBad(() => Npz.Load(path), path, "arr", "more than a .NET array holds");
    }

    [Fact]
    public void MissingKeyListsWhatIsThere()
    {
        var path = ValidNpz();
        using var npz = NpzReader.Open(path);
        AssertBad(() => npz.Read("labels"), path, "labels", "missing: the archive holds arr");
    }

    [Fact]
    public void WrongRankAndWrongKindOfValues()
    {
        var path = NpzWith("floats.npz", RawNpy.Bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", RawNpy.Float32s(1, 2)));
        using var npz = NpzReader.Open(path);
        AssertBad(() => npz.ReadFloat32("arr"), path, "arr", "expected a 1-dimensional array, got shape (1, 2)");
        AssertBad(() => npz.ReadInt32("arr", rank: 2), path, "arr", "where integers are expected");
    }
}
