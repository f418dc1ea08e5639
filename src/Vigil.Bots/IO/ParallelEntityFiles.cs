using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Bots.Data;
using Vigil.Bots.Data.Columns;
using Vigil.Bots.IO.Json;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO;

/// <summary>
/// Reads the entity files of a TwiBot-22 folder (<c>user.json</c>, <c>tweet_*.json</c>, <c>list.json</c>,
/// <c>hashtag.json</c>) on several threads, each file into a table part of its own, and merges the parts in file order
/// on the calling thread while later files are still being parsed. The result is the sequential read's, row for row:
/// the parts keep every record, repeats included, and the merge finds repeats with the dataset's id index; each part's
/// problems are replayed to the one problem sink at the same place among the records (<see cref="ProblemRecorder"/>),
/// so the report and the first error under stop-at-first-error are the same too. At most one part more than there
/// are threads is held at a time, so the extra memory is that of a few files' rows, not of the whole set; a tweet part,
/// once merged, is cleared and filled from the next tweet file, so its memory is allocated once, not once per file.
/// </summary>
internal static class ParallelEntityFiles
{
    /// <summary>A file read into a part of its own, waiting to be merged.</summary>
    private sealed record FilePart(string Path, string File, EntityKind Kind, BotDataset Rows, List<long> IdOffsets, ProblemRecorder Problems, long Started);

    /// <param name="beforeMerge">Called with a file's index and its part's row count just before its rows are merged (the reader sizes the tweet table there).</param>
    public static void Read(IReadOnlyList<(string Path, EntityKind Kind)> files, BotDataset dataset, ProblemSink problems, TwiBotReaderOptions options, Action<int, int> beforeMerge)
    {
        int threads = Math.Max(1, Math.Min(options.Parallelism, files.Count));
        var parts = new TaskCompletionSource<FilePart>?[files.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = new TaskCompletionSource<FilePart>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slots = new SemaphoreSlim(threads + 1);
        using var cancel = new CancellationTokenSource();
        var spareTweetParts = new ConcurrentQueue<BotDataset>();
        int next = -1;

        void Work()
        {
            var streamer = new JsonFileStreamer(options.BufferSize);
            while (true)
            {
                try { slots.Wait(cancel.Token); }
                catch (OperationCanceledException) { return; }
                int k = Interlocked.Increment(ref next);
                if (k >= files.Count) { slots.Release(); return; }
                try { parts[k]!.SetResult(ReadPart(streamer, files[k].Path, files[k].Kind, dataset.Name, options, spareTweetParts, cancel.Token)); }
                catch (Exception e) { parts[k]!.SetException(e); }
            }
        }

        var workers = new Task[threads];
        for (int t = 0; t < threads; t++) workers[t] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            for (int k = 0; k < files.Count; k++)
            {
                var part = parts[k]!.Task.GetAwaiter().GetResult();
                parts[k] = null;
                beforeMerge(k, part.Rows.EntityCount(part.Kind));
                Merge(part, dataset, problems);
                if (part.Kind == EntityKind.Tweet) spareTweetParts.Enqueue(part.Rows);
                options.FileRead?.Invoke(new TwiBotFileRead(part.File, new FileInfo(part.Path).Length, Stopwatch.GetElapsedTime(part.Started)));
                slots.Release();
            }
        }
        catch
        {
            cancel.Cancel();
            try { Task.WaitAll(workers); } catch (AggregateException) { }
            throw;
        }
        Task.WaitAll(workers);
    }

    private static FilePart ReadPart(JsonFileStreamer streamer, string path, EntityKind kind, string name, TwiBotReaderOptions options,
        ConcurrentQueue<BotDataset> spareTweetParts, CancellationToken cancel)
    {
        long started = Stopwatch.GetTimestamp();
        var file = System.IO.Path.GetFileName(path);
        BotDataset rows;
        if (kind == EntityKind.Tweet && spareTweetParts.TryDequeue(out var spare)) { rows = spare; rows.Tweets.Clear(); }
        else rows = new BotDataset(name, DatasetLayout.TwiBot22, options.LoadTweetText, indexed: false);
        var offsets = new List<long>();
        var recorder = new ProblemRecorder(options.Policy, options.StopAtFirstError, options.ExamplesPerProblem, () => rows.EntityCount(kind));
        var problems = new ProblemSink(recorder);
        long length = new FileInfo(path).Length;
        var sink = new EntityRecordSink(rows, file, problems, offsets)
        {
            SizeFromFirstRows = (kind, offset) =>
            {
                // Rows so far over bytes so far, for the whole file, 2% spare (capped by what a column can hold).
                long expected = (long)(length / (double)offset * EntityRecordSink.RowsBeforeSizing * 1.02);
                int rowsExpected = (int)Math.Min(expected, int.MaxValue / 2);
                if (kind == EntityKind.Tweet) rows.Tweets.Reserve(rowsExpected);
                else if (kind == EntityKind.User) rows.Users.Reserve(rowsExpected);
            },
        };
        var parser = new RecordTokenParser(file, kind, options.LoadTweetText, problems, sink, options.ScanRecords);
        try { streamer.Stream(path, file, parser, problems, cancel); }
        catch (ProblemRecorder.FileStopped) { }
        return new FilePart(path, file, kind, rows, offsets, recorder, started);
    }

    private static void Merge(FilePart part, BotDataset dataset, ProblemSink problems)
    {
        var (from, to) = (Ids(part.Rows, part.Kind), Ids(dataset, part.Kind));
        Action<int, int> append = part.Kind switch
        {
            EntityKind.User => (start, count) => dataset.Users.AppendRowsOf(part.Rows.Users, start, count),
            EntityKind.Tweet => TweetAppender(dataset.Tweets, part.Rows.Tweets),
            EntityKind.List => (start, count) => dataset.Lists.AppendRowsOf(part.Rows.Lists, start, count),
            _ => (start, count) => dataset.Hashtags.AppendRowsOf(part.Rows.Hashtags, start, count),
        };
        var ids = from.Ids;
        // The one user file: its part becomes the user table when nothing is repeated in it (the usual case), so only
        // the id index is sized for it here; otherwise the table is sized once (repeats can only make it smaller).
        // The tweet table is sized by the reader before the first tweet part is merged (see beforeMerge).
        bool takeOver = part.Kind == EntityKind.User && dataset.Users.Count == 0;
        if (takeOver) dataset.Users.Ids.Reserve(ids.Length);
        else if (part.Kind == EntityKind.User) dataset.Users.Reserve(to.Count + ids.Length);
        // The ids go in one by one (the index finds repeats); then the other fields of each run of rows between two
        // repeats are appended column by column. Problems go to the sink in the same order as in the sequential read:
        // they do not depend on the table's fields.
        var repeats = new List<int>();
        int nextProblem = 0;
        for (int row = 0; row < ids.Length; row++)
        {
            part.Problems.Replay(row, ref nextProblem, problems);
            // The insert below misses the cache on a large map: start fetching a few rows ahead.
            if (row + PrefetchAhead < ids.Length) to.Prefetch(ids[row + PrefetchAhead]);
            if (!to.TryAdd(ids[row], out int existing))
            {
                repeats.Add(row);
                problems.Add(DataProblem.DuplicateId, DataPosition.AtOffset(part.File, part.IdOffsets[row]),
                    EntityRecordSink.DuplicateMessage(part.Kind, ids[row], existing));
            }
        }
        if (takeOver && repeats.Count == 0) dataset.Users.TakeFieldsOf(part.Rows.Users);
        else
        {
            int runStart = 0;
            foreach (int repeat in repeats)
            {
                if (repeat > runStart) append(runStart, repeat - runStart);
                runStart = repeat + 1;
            }
            if (ids.Length > runStart) append(runStart, ids.Length - runStart);
        }
        part.Problems.Replay(int.MaxValue, ref nextProblem, problems);
        part.Problems.ReplayCounts(problems);
    }

    private const int PrefetchAhead = 8;

    private static Action<int, int> TweetAppender(TweetTable to, TweetTable from)
    {
        var (lang, source) = (CategoryColumn.NewCodeMap(from.Lang), CategoryColumn.NewCodeMap(from.Source));
        return (start, count) => to.AppendRowsOf(from, start, count, lang, source);
    }

    private static IdIndex Ids(BotDataset dataset, EntityKind kind) => kind switch
    {
        EntityKind.User => dataset.Users.Ids,
        EntityKind.Tweet => dataset.Tweets.Ids,
        EntityKind.List => dataset.Lists.Ids,
        _ => dataset.Hashtags.Ids,
    };
}
