using System.IO.Compression;
using System.Text;

namespace Vigil.Tests.Graphs.IO;

/// <summary>
/// Builds .npy bytes and .npz archives by hand from the format specification, independently of the code under
/// test, so tests can feed the reader exactly the (possibly broken) bytes they mean.
/// </summary>
internal static class RawNpy
{
    public static byte[] Bytes(string headerDict, byte[] data, int major = 1)
    {
        var header = Encoding.ASCII.GetBytes(headerDict + "\n");
        var ms = new MemoryStream();
        ms.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 });
        if (major == 1) ms.Write(BitConverter.GetBytes((ushort)header.Length));
        else ms.Write(BitConverter.GetBytes((uint)header.Length));
        ms.Write(header);
        ms.Write(data);
        return ms.ToArray();
    }

    public static byte[] Header(string descr, string shape, bool fortran = false) =>
        Bytes($"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}", Array.Empty<byte>());

    public static byte[] Int32s(params int[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();
    public static byte[] Int64s(params long[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();
    public static byte[] Float32s(params float[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    public static byte[] Vector(string descr, byte[] data, int length) =>
        Bytes($"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({length},), }}", data);

    public static void Zip(string path, IEnumerable<(string Member, byte[] Bytes)> members, bool compress = false)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, bytes) in members)
        {
            using var s = zip.CreateEntry(member, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression).Open();
            s.Write(bytes);
        }
    }
}
