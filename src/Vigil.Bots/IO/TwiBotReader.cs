using Vigil.Bots.Data;
using Vigil.Bots.IO.Csv;
using Vigil.Bots.IO.Json;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO;

/// <summary>
/// Reads a TwiBot dataset folder of either layout (<see cref="DatasetLayout"/>) into a <see cref="BotDataset"/>,
/// streaming every file through one reusable buffer: JSON with <see cref="System.Text.Json.Utf8JsonReader"/>, CSV line
/// by line. Problems go through the options' <see cref="ValidationPolicy"/>; the dataset's report counts each one.
/// </summary>
public static class TwiBotReader
{
    public static BotDataset Read(string directory, TwiBotReaderOptions? options = null)
    {
        options ??= new TwiBotReaderOptions();
        var layout = TwiBotFiles.DetectLayout(directory);
        var report = new ValidationReport(options.ExamplesPerProblem);
        var problems = new ProblemSink(options.Policy, options.StopAtFirstError, report);
        var name = new DirectoryInfo(Path.GetFullPath(directory)).Name;
        var dataset = new BotDataset(name, layout, options.LoadTweetText) { Report = report };
        var streamer = new JsonFileStreamer(options.BufferSize);

        if (layout == DatasetLayout.TwiBot22)
        {
            ReadEntities(streamer, Path.Combine(directory, TwiBotFiles.Users), EntityKind.User, dataset, problems, options);
            foreach (var tweets in TwiBotFiles.TweetFiles(directory)) ReadEntities(streamer, tweets, EntityKind.Tweet, dataset, problems, options);
            ReadEntitiesIfPresent(streamer, Path.Combine(directory, TwiBotFiles.Lists), EntityKind.List, dataset, problems, options);
            ReadEntitiesIfPresent(streamer, Path.Combine(directory, TwiBotFiles.Hashtags), EntityKind.Hashtag, dataset, problems, options);
        }
        else
        {
            ReadEntities(streamer, Path.Combine(directory, TwiBotFiles.Nodes), null, dataset, problems, options);
        }

        var labels = Path.Combine(directory, TwiBotFiles.Labels);
        if (File.Exists(labels))
        {
            using var timing = new FileTiming(labels, options);
            var seen = UserValueCsv.Read<BotLabel>(labels, "label", dataset.Users, problems, options.BufferSize, ParseLabel,
                DataProblem.InvalidLabel, "human or bot", dataset.SetLabel);
            ReportMissing(seen, dataset.Users, DataProblem.MissingLabel, TwiBotFiles.Labels, "label", problems);
        }
        var splits = Path.Combine(directory, TwiBotFiles.Splits);
        if (File.Exists(splits))
        {
            using var timing = new FileTiming(splits, options);
            var seen = UserValueCsv.Read<DataSplit>(splits, "split", dataset.Users, problems, options.BufferSize, ParseSplit,
                DataProblem.InvalidSplit, "train, valid (val) or test", dataset.SetSplit);
            ReportMissing(seen, dataset.Users, DataProblem.MissingSplit, TwiBotFiles.Splits, "split", problems);
        }
        var edges = Path.Combine(directory, TwiBotFiles.Edges);
        if (File.Exists(edges))
        {
            using var timing = new FileTiming(edges, options);
            EdgeCsv.Read(edges, dataset, problems, options.BufferSize);
        }
        dataset.FillAuthorsFromPosts();
        return dataset;
    }

    private static void ReadEntitiesIfPresent(JsonFileStreamer streamer, string path, EntityKind kind, BotDataset dataset, ProblemSink problems, TwiBotReaderOptions options)
    {
        if (File.Exists(path)) ReadEntities(streamer, path, kind, dataset, problems, options);
    }

    private static void ReadEntities(JsonFileStreamer streamer, string path, EntityKind? kind, BotDataset dataset, ProblemSink problems, TwiBotReaderOptions options)
    {
        using var timing = new FileTiming(path, options);
        var file = Path.GetFileName(path);
        var sink = new EntityRecordSink(dataset, file, problems);
        var parser = new RecordTokenParser(file, kind, options.LoadTweetText, problems, sink);
        streamer.Stream(path, file, parser, problems);
    }

    // Reports a file's read time to the options' FileRead callback when there is one.
    private readonly struct FileTiming(string path, TwiBotReaderOptions options) : IDisposable
    {
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

        public void Dispose() =>
            options.FileRead?.Invoke(new TwiBotFileRead(Path.GetFileName(path), new FileInfo(path).Length, System.Diagnostics.Stopwatch.GetElapsedTime(_start)));
    }

    private static void ReportMissing(bool[] seen, UserTable users, DataProblem problem, string file, string what, ProblemSink problems)
    {
        for (int row = 0; row < seen.Length; row++)
        {
            if (!seen[row])
                problems.Add(problem, new DataPosition(file), $"user {users.Ids.Format(row)} (user row {row}) has no {what} in {file}");
        }
    }

    private static bool ParseLabel(ReadOnlySpan<byte> text, out BotLabel label)
    {
        if (text.SequenceEqual("human"u8)) { label = BotLabel.Human; return true; }
        if (text.SequenceEqual("bot"u8)) { label = BotLabel.Bot; return true; }
        label = BotLabel.Unknown;
        return false;
    }

    private static bool ParseSplit(ReadOnlySpan<byte> text, out DataSplit split)
    {
        if (text.SequenceEqual("train"u8)) { split = DataSplit.Train; return true; }
        if (text.SequenceEqual("valid"u8) || text.SequenceEqual("val"u8)) { split = DataSplit.Valid; return true; }
        if (text.SequenceEqual("test"u8)) { split = DataSplit.Test; return true; }
        split = DataSplit.None;
        return false;
    }
}
