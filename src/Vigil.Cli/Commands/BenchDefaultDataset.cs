using Vigil.Bots.Generation;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// Where <c>vigil bench</c> finds its data when <c>--data</c> is not given: the built-in generated TwiBot-22-format
/// dataset (<see cref="BotDatasetGenerator"/>), written once into the user's cache folder and reused, so the main
/// command needs no download and repeated sweeps (and <c>--resume</c>) see the same bytes.
/// </summary>
internal static class BenchDefaultDataset
{
    /// <summary>Users in the default dataset: large enough for graph methods to matter, small enough that the
    /// default sweep finishes in minutes on two cores.</summary>
    public const int Users = 3_000;
    public const int Seed = 0;

    /// <summary>
    /// The cache folder's name. It carries the generator's model version and the options' difficulty, so a dataset
    /// cached by an older generator (or with other defaults) is never reused: a new model writes a new folder.
    /// </summary>
    public static string FolderName =>
        $"twibot22-synthetic-{Users}u-seed{Seed}-d{new BotDatasetGeneratorOptions().Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture)}-v{BotDatasetGenerator.ModelVersion}";

    /// <summary>The dataset folder to benchmark: <paramref name="data"/> when given, else the generated default.</summary>
    public static string Resolve(string? data)
    {
        if (data is not null) return data;
        var directory = Path.Combine(Vigil.Core.CacheDirectory.Root(), FolderName);
        if (File.Exists(Path.Combine(directory, "label.csv"))) return directory;
        Terminal.Info($"generating the built-in dataset ({Users:N0} users, seed {Seed}) into {directory}");
        // Written beside its final place, then moved, so an interrupted run never leaves a half-written dataset.
        var partial = directory + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        BotDatasetGenerator.WriteTo(new BotDatasetGeneratorOptions { Users = Users, Seed = Seed }, partial);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.Move(partial, directory);
        return directory;
    }
}
