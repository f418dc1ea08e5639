namespace Vigil.Core.Results;

/// <summary>
/// What makes two benchmark runs the same run: the method, the dataset's content hash, the seed and the hash of the
/// method's configuration. The results store holds at most one run per key, which is what lets a resumed sweep skip
/// exactly the runs that finished.
/// </summary>
public readonly record struct RunKey(string Method, string DatasetHash, int Seed, string ConfigHash)
{
    public override string ToString() => $"{Method} on {DatasetHash}, seed {Seed}, config {ConfigHash}";
}
