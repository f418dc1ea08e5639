using Vigil.Bots.Data;
using Vigil.Bots.IO.Csv;
using Vigil.Bots.IO.Json;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO;

/// <summary>
/// Reads a TwiBot dataset folder of either layout (<see cref="DatasetLayout"/>) into a <see cref="BotDataset"/>,
/// streaming every file through one reusable buffer: JSON records of the usual shape with a byte scanner
/// (<see cref="RecordScanner"/>), any other record with <see cref="System.Text.Json.Utf8JsonReader"/>, CSV line by line. Problems go through the options' <see cref="ValidationPolicy"/>; the dataset's report counts each one.
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

        if (layout == DatasetLayout.TwiBot22)
        {
            var files = EntityFiles(directory);
            var tweets = new TweetTableSizing(files);
            if (options.Parallelism > 1 && files.Count > 1)
            {
                ParallelEntityFiles.Read(files, dataset, problems, options, (k, rows) => tweets.BeforeMerge(k, rows, dataset));
            }
            else
            {
                var streamer = new JsonFileStreamer(options.BufferSize);
                for (int k = 0; k < files.Count; k++)
                {
                    tweets.BeforeFile(k, dataset);
                    ReadEntities(streamer, files[k].Path, files[k].Kind, dataset, problems, options);
                }
            }
        }
        else
        {
            ReadEntities(new JsonFileStreamer(options.BufferSize), Path.Combine(directory, TwiBotFiles.Nodes), null, dataset, problems, options);
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

    // The entity files in reading order: users, tweets by part number, lists and hashtags where present.
    private static List<(string Path, EntityKind Kind)> EntityFiles(string directory)
    {
        var files = new List<(string, EntityKind)> { (Path.Combine(directory, TwiBotFiles.Users), EntityKind.User) };
        files.AddRange(TwiBotFiles.TweetFiles(directory).Select(path => (path, EntityKind.Tweet)));
        foreach (var (name, kind) in new[] { (TwiBotFiles.Lists, EntityKind.List), (TwiBotFiles.Hashtags, EntityKind.Hashtag) })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) files.Add((path, kind));
        }
        return files;
    }

    // After the first tweet file, the bytes per tweet so far and the bytes still to read give the tweet count to
    // expect: the table is sized for it once (2% spare) instead of doubling every column as it fills.
    private sealed class TweetTableSizing(IReadOnlyList<(string Path, EntityKind Kind)> files)
    {
        private const int MinTweetsToEstimate = 10_000;
        private long _read, _left = files.Where(f => f.Kind == EntityKind.Tweet).Sum(f => new FileInfo(f.Path).Length);

        public void BeforeFile(int index, BotDataset dataset)
        {
            if (files[index].Kind != EntityKind.Tweet) return;
            Reserve(dataset, dataset.Tweets.Count);
            CountRead(index);
        }

        // The parallel read, before it merges a tweet file's part of rowsInFile rows: the same estimate, but with that
        // file counted as read, so the table is sized before the first tweet file's rows go in.
        public void BeforeMerge(int index, int rowsInFile, BotDataset dataset)
        {
            if (files[index].Kind != EntityKind.Tweet) return;
            CountRead(index);
            Reserve(dataset, dataset.Tweets.Count + (long)rowsInFile);
        }

        // Sizes the table for the tweets expected when `tweets` came from the bytes read so far.
        private void Reserve(BotDataset dataset, long tweets)
        {
            if (tweets < MinTweetsToEstimate || _read <= 0) return;
            double expected = tweets + _left / (_read / (double)tweets) * 1.02;
            dataset.Tweets.Reserve((int)Math.Min(expected, int.MaxValue - 1));
        }

        private void CountRead(int index)
        {
            long bytes = new FileInfo(files[index].Path).Length;
            _read += bytes;
            _left -= bytes;
        }
    }

    private static void ReadEntities(JsonFileStreamer streamer, string path, EntityKind? kind, BotDataset dataset, ProblemSink problems, TwiBotReaderOptions options)
    {
        using var timing = new FileTiming(path, options);
        var file = Path.GetFileName(path);
        var sink = new EntityRecordSink(dataset, file, problems);
        var parser = new RecordTokenParser(file, kind, options.LoadTweetText, problems, sink, options.ScanRecords);
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
