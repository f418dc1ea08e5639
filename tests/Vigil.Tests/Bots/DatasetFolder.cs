using System.Text;

namespace Vigil.Tests.Bots;

/// <summary>A fresh dataset folder under the system temp folder, filled with hand-written files, deleted on dispose.</summary>
public sealed class DatasetFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-bots-" + Guid.NewGuid().ToString("N"));

    public DatasetFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public DatasetFolder Write(string name, string content)
    {
        System.IO.File.WriteAllText(File(name), content, new UTF8Encoding(false));
        return this;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
