using Vigil.Bots.Data;
using Vigil.Bots.IO.Csv;
using Vigil.Bots.IO.Json;

namespace Vigil.Bots.IO;

/// <summary>
/// Writes a <see cref="BotDataset"/> in the TwiBot-22 layout, streaming every file (<see cref="System.Text.Json.Utf8JsonWriter"/>
/// for JSON): <c>user.json</c>, tweets spread over <c>tweet_0.json</c> … <c>tweet_8.json</c>, <c>list.json</c>,
/// <c>hashtag.json</c>, <c>edge.csv</c>, and <c>label.csv</c> / <c>split.csv</c> when any user has a label / split.
/// Fields the dataset does not keep are not written; entity arrays hold one empty object per counted item.
/// <see cref="TwiBotReader"/> reads the folder back into an equal dataset (<see cref="BotDatasetComparison"/>).
/// </summary>
public static class TwiBotWriter
{
    public static void Write(BotDataset dataset, string directory, TwiBotWriterOptions? options = null)
    {
        options ??= new TwiBotWriterOptions();
        if (options.TweetFileCount < 1) throw new ArgumentOutOfRangeException(nameof(options), $"TweetFileCount must be at least 1, got {options.TweetFileCount}.");
        Directory.CreateDirectory(directory);
        WriteUsers(dataset.Users, Path.Combine(directory, TwiBotFiles.Users));
        int tweets = dataset.Tweets.Count, parts = options.TweetFileCount;
        for (int part = 0; part < parts; part++)
        {
            int from = (int)((long)tweets * part / parts), to = (int)((long)tweets * (part + 1) / parts);
            JsonArrayFileWriter.Write(Path.Combine(directory, TwiBotFiles.Tweets(part)), from, to, (w, row) => TweetJsonWriter.Write(w, dataset.Tweets, row));
        }
        WriteAllButUsersAndTweets(dataset, directory, options, dataset.Tweets.Ids.Ids);
    }

    /// <summary>
    /// Writes <c>list.json</c>, <c>hashtag.json</c>, <c>label.csv</c>, <c>split.csv</c> and <c>edge.csv</c>. <paramref name="tweetIds"/>
    /// gives the id of every tweet row the edges name, so a caller that streamed its tweets to disk (the generator) need
    /// not keep a tweet table.
    /// </summary>
    internal static void WriteAllButUsersAndTweets(BotDataset dataset, string directory, TwiBotWriterOptions options, ReadOnlySpan<long> tweetIds)
    {
        JsonArrayFileWriter.Write(Path.Combine(directory, TwiBotFiles.Lists), 0, dataset.Lists.Count, (w, row) => ListJsonWriter.WriteList(w, dataset.Lists, row));
        JsonArrayFileWriter.Write(Path.Combine(directory, TwiBotFiles.Hashtags), 0, dataset.Hashtags.Count, (w, row) => ListJsonWriter.WriteHashtag(w, dataset.Hashtags, row));
        WriteLabels(dataset, Path.Combine(directory, TwiBotFiles.Labels));
        WriteSplits(dataset, Path.Combine(directory, TwiBotFiles.Splits));
        WriteEdges(dataset, Path.Combine(directory, TwiBotFiles.Edges), options.ListEdgesAsReleased, tweetIds);
    }

    /// <summary>Writes just a <c>user.json</c>.</summary>
    public static void WriteUsers(UserTable users, string path) =>
        JsonArrayFileWriter.Write(path, 0, users.Count, (w, row) => UserJsonWriter.Write(w, users, row));

    private static void WriteLabels(BotDataset dataset, string path)
    {
        var labels = dataset.Labels;
        if (!labels.ContainsAnyExcept(BotLabel.Unknown)) { File.Delete(path); return; }
        using var csv = new CsvFileWriter(path, "id,label"u8);
        for (int row = 0; row < labels.Length; row++)
        {
            if (labels[row] == BotLabel.Unknown) continue;
            csv.WriteId(EntityKind.User, dataset.Users.Ids[row]);
            csv.Comma();
            csv.Write(labels[row] == BotLabel.Bot ? "bot"u8 : "human"u8);
            csv.EndLine();
        }
    }

    private static void WriteSplits(BotDataset dataset, string path)
    {
        var splits = dataset.Splits;
        if (!splits.ContainsAnyExcept(DataSplit.None)) { File.Delete(path); return; }
        using var csv = new CsvFileWriter(path, "id,split"u8);
        for (int row = 0; row < splits.Length; row++)
        {
            if (splits[row] == DataSplit.None) continue;
            csv.WriteId(EntityKind.User, dataset.Users.Ids[row]);
            csv.Comma();
            csv.Write(splits[row] switch { DataSplit.Train => "train"u8, DataSplit.Valid => "valid"u8, _ => "test"u8 });
            csv.EndLine();
        }
    }

    private static void WriteEdges(BotDataset dataset, string path, bool listEdgesAsReleased, ReadOnlySpan<long> tweetIds)
    {
        using var csv = new CsvFileWriter(path, "source_id,relation,target_id"u8);
        foreach (var edges in dataset.EdgeLists)
        {
            var relation = edges.Relation;
            var (sourceKind, targetKind) = (relation.SourceKind(), relation.TargetKind());
            var sourceIds = sourceKind == EntityKind.Tweet ? tweetIds : Ids(dataset, sourceKind);
            var targetIds = targetKind == EntityKind.Tweet ? tweetIds : Ids(dataset, targetKind);
            bool reverse = listEdgesAsReleased && relation.FileReversesPaper();
            var sources = edges.Sources;
            var targets = edges.Targets;
            for (int e = 0; e < edges.Count; e++)
            {
                var (firstKind, first, secondKind, second) = reverse
                    ? (targetKind, targetIds[targets[e]], sourceKind, sourceIds[sources[e]])
                    : (sourceKind, sourceIds[sources[e]], targetKind, targetIds[targets[e]]);
                csv.WriteId(firstKind, first);
                csv.Comma();
                csv.Write(relation.Utf8Name());
                csv.Comma();
                csv.WriteId(secondKind, second);
                csv.EndLine();
            }
        }
    }

    private static ReadOnlySpan<long> Ids(BotDataset dataset, EntityKind kind) => kind switch
    {
        EntityKind.User => dataset.Users.Ids.Ids,
        EntityKind.Tweet => dataset.Tweets.Ids.Ids,
        EntityKind.List => dataset.Lists.Ids.Ids,
        _ => dataset.Hashtags.Ids.Ids,
    };
}
