using System.Text.RegularExpressions;
using Vigil.Bots.Data;

namespace Vigil.Bots.IO;

/// <summary>The file names of a TwiBot dataset folder.</summary>
public static partial class TwiBotFiles
{
    public const string Users = "user.json";
    public const string Nodes = "node.json";
    public const string Lists = "list.json";
    public const string Hashtags = "hashtag.json";
    public const string Labels = "label.csv";
    public const string Splits = "split.csv";
    public const string Edges = "edge.csv";

    /// <summary>TwiBot-22 spreads its tweets over <c>tweet_0.json</c> … <c>tweet_8.json</c>.</summary>
    public const int TwiBot22TweetFiles = 9;

    public static string Tweets(int part) => $"tweet_{part}.json";

    /// <summary><see cref="DatasetLayout.TwiBot22"/> when the folder has <c>user.json</c>, <see cref="DatasetLayout.NodeJson"/> when it has <c>node.json</c>.</summary>
    public static DatasetLayout DetectLayout(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Dataset folder '{directory}' does not exist.");
        if (File.Exists(Path.Combine(directory, Users))) return DatasetLayout.TwiBot22;
        if (File.Exists(Path.Combine(directory, Nodes))) return DatasetLayout.NodeJson;
        throw new FileNotFoundException($"Dataset folder '{directory}' has neither {Users} (TwiBot-22 layout) nor {Nodes} (older layout).");
    }

    /// <summary>The folder's <c>tweet_N.json</c> files, ordered by N.</summary>
    public static IReadOnlyList<string> TweetFiles(string directory) =>
        Directory.EnumerateFiles(directory, "tweet_*.json")
            .Select(path => (path, match: TweetFileName().Match(Path.GetFileName(path))))
            .Where(p => p.match.Success)
            .OrderBy(p => long.Parse(p.match.Groups[1].Value))
            .Select(p => p.path)
            .ToList();

    /// <summary>Every file of the folder the reader would read, for sizes and throughput.</summary>
    public static IReadOnlyList<string> DataFiles(string directory)
    {
        var layout = DetectLayout(directory);
        var names = layout == DatasetLayout.TwiBot22
            ? new[] { Users, Lists, Hashtags }.Select(n => Path.Combine(directory, n)).Concat(TweetFiles(directory))
            : new[] { Path.Combine(directory, Nodes) };
        return names.Concat(new[] { Labels, Splits, Edges }.Select(n => Path.Combine(directory, n))).Where(File.Exists).ToList();
    }

    [GeneratedRegex(@"^tweet_(\d{1,9})\.json$")]
    private static partial Regex TweetFileName();
}
