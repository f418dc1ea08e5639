using System.Text.Json;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion;

/// <summary>
/// Converts TwiBot-20 (Feng et al. 2021) from its released JSON files into a <see cref="BotDataset"/>. The source is
/// one file or a folder of them: <c>train.json</c>, <c>dev.json</c>, <c>test.json</c> give the split (dev → valid),
/// <c>support.json</c> and any other file (such as the public <c>TwiBot-20_sample.json</c>) give users without a
/// split. Each record's <c>profile</c> (API v1.1 strings with a trailing space) maps to TwiBot-22 user fields;
/// its <c>tweet</c> texts become tweets with ids t0, t1, … in file order (the release gives tweets no ids) and a
/// <c>post</c> edge from the user; <c>neighbor.following</c>/<c>neighbor.follower</c> become <c>following</c>/<c>followers</c>
/// edges where the neighbour is one of the dataset's users (the others are counted as skipped); <c>label</c> 1 is a
/// bot, 0 a human. Files are streamed record by record.
/// </summary>
public static class TwiBot20Converter
{
    public const string SkippedFollowEdgesOutside = "follow edges to users outside the dataset";

    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = false };

    public static ConvertedDataset Convert(string source, ConversionOptions? options = null)
    {
        options ??= new ConversionOptions();
        var files = SourceFiles(source);
        var report = new ValidationReport();
        var sink = new ProblemSink(options.Policy, stopAtFirstError: true, report);
        var skipped = new SkipCounts();
        var name = Directory.Exists(source) ? new DirectoryInfo(Path.GetFullPath(source)).Name : Path.GetFileNameWithoutExtension(source);
        var dataset = new BotDataset(name);
        var neighbors = new List<(int Row, string File, long Record, TwiBot20Neighbors Lists)>();
        long nextTweetId = 0;
        foreach (var (path, split) in files)
        {
            var file = Path.GetFileName(path);
            int before = dataset.Users.Count, tweetsBefore = dataset.Tweets.Count;
            long record = 0;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            try
            {
                foreach (var r in JsonSerializer.DeserializeAsyncEnumerable<TwiBot20Record>(stream, Json).ToBlockingEnumerable())
                {
                    record++;
                    if (r is null) { sink.Add(DataProblem.UnexpectedJsonShape, new DataPosition(file), $"record {record} is null, not a user object"); continue; }
                    int row = AddUser(r, file, record, dataset, sink);
                    if (row < 0) continue;
                    if (split != DataSplit.None) dataset.SetSplit(row, split);
                    AddLabel(r, file, record, row, dataset, sink);
                    long author = dataset.Users.Ids[row];
                    foreach (var text in r.Tweet ?? new List<string?>())
                        dataset.Edges(BotRelation.Post).Add(row, dataset.Tweets.Add(new TweetRow(nextTweetId++) { AuthorId = author, Text = text }));
                    if (r.Neighbor is { } n) neighbors.Add((row, file, record, n));
                    if (record % 10_000 == 0) options.Progress?.Invoke($"{file}: {record:N0} records");
                }
            }
            catch (JsonException e)
            {
                throw new BotDataFormatException(new DataIssue(DataProblem.MalformedJson,
                    new DataPosition(file, (e.LineNumber ?? 0) + 1), $"not valid TwiBot-20 JSON after record {record}: {e.Message}"), e);
            }
            options.Progress?.Invoke($"{file}: {dataset.Users.Count - before:N0} users, {dataset.Tweets.Count - tweetsBefore:N0} tweets{(split == DataSplit.None ? "" : $" ({split.ToString().ToLowerInvariant()})")}");
        }
        AddFollowEdges(neighbors, dataset, sink, skipped);
        options.Progress?.Invoke($"neighbours: {dataset.Edges(BotRelation.Following).Count:N0} following and {dataset.Edges(BotRelation.Followers).Count:N0} followers edges inside the dataset");
        return new ConvertedDataset(dataset, ConversionSummary.Of(dataset, SourceFormat.TwiBot20, source, skipped, report));
    }

    /// <summary>The files to read with the split each one gives, train/dev/test/support first, then others by name.</summary>
    public static IReadOnlyList<(string Path, DataSplit Split)> SourceFiles(string source)
    {
        if (File.Exists(source)) return new[] { (source, SplitOf(source)) };
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"TwiBot-20 source '{source}' is neither a file nor a folder.");
        var known = new[] { "train.json", "dev.json", "test.json", "support.json" };
        var files = Directory.EnumerateFiles(source, "*.json")
            .OrderBy(p => Array.IndexOf(known, Path.GetFileName(p)) is var i && i >= 0 ? i : known.Length)
            .ThenBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => (p, SplitOf(p))).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"TwiBot-20 folder '{source}' has no .json files (expected train.json, dev.json, test.json, support.json or the sample).");
        return files;
    }

    private static DataSplit SplitOf(string path) => Path.GetFileNameWithoutExtension(path).ToLowerInvariant() switch
    {
        "train" => DataSplit.Train,
        "dev" or "val" or "valid" => DataSplit.Valid,
        "test" => DataSplit.Test,
        _ => DataSplit.None,
    };

    private static int AddUser(TwiBot20Record r, string file, long record, BotDataset dataset, ProblemSink sink)
    {
        var at = new DataPosition(file);
        if (r.Id is null || !ProfileValues.TryParseId(r.Id, out long id))
        {
            sink.Add(DataProblem.InvalidId, at, $"record {record}: ID '{r.Id}' is not a numeric Twitter id");
            return -1;
        }
        if (dataset.Users.Ids.TryGetIndex(id, out int existing))
        {
            sink.Add(DataProblem.DuplicateId, at, $"record {record}: user {id} is already user row {existing}");
            return -1;
        }
        var p = r.Profile ?? new Dictionary<string, JsonElement>();
        string? Field(string key)
        {
            if (!p.TryGetValue(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            var s = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            // Python wrote str(value) + " "; drop that one space only.
            return s.EndsWith(' ') ? s[..^1] : s;
        }
        bool Bad(string key, string what)
        {
            sink.Add(DataProblem.WrongFieldType, at, $"record {record} (user {id}): profile.{key} '{Field(key)}' is not {what}");
            return false;
        }
        bool Count(string key, out int? value) => ProfileValues.TryParseCount(Field(key) ?? "", out value) || Bad(key, "a non-negative count");
        bool Flag(string key, out bool value) => ProfileValues.TryParseFlag(Field(key) ?? "", out value) || Bad(key, "True or False");
        if (!Count("followers_count", out var followers) || !Count("friends_count", out var following) || !Count("statuses_count", out var statuses)
            || !Count("listed_count", out var listed) || !Flag("verified", out bool verified) || !Flag("protected", out bool isProtected))
            return -1;
        if (!ProfileValues.TryParseTime(Field("created_at") ?? "", out var created)) { Bad("created_at", "a timestamp"); return -1; }
        string? Text(string key) => Field(key) is { } s && !ProfileValues.IsMissing(s) ? s : null;
        return dataset.Users.Add(new UserRow(id)
        {
            Name = Field("name"),
            Username = Field("screen_name"),
            CreatedAt = created,
            Description = Field("description") is { } d && d != "None" ? d : null,
            Location = Text("location"),
            Url = Text("url"),
            ProfileImageUrl = Text("profile_image_url"),
            Verified = verified,
            Protected = isProtected,
            FollowersCount = followers,
            FollowingCount = following,
            TweetCount = statuses,
            ListedCount = listed,
        });
    }

    // A bad label is reported (or skipped and counted); the user stays, unlabelled.
    private static void AddLabel(TwiBot20Record r, string file, long record, int row, BotDataset dataset, ProblemSink sink)
    {
        var label = r.Label;
        if (label.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return;
        var text = label.ValueKind == JsonValueKind.String ? label.GetString()!.Trim() : label.GetRawText();
        if (text is "1" or "0") dataset.SetLabel(row, text == "1" ? BotLabel.Bot : BotLabel.Human);
        else sink.Add(DataProblem.InvalidLabel, new DataPosition(file), $"record {record} (user {dataset.Users.Ids[row]}): label '{text}' is not 0 (human) or 1 (bot)");
    }

    private static void AddFollowEdges(List<(int Row, string File, long Record, TwiBot20Neighbors Lists)> neighbors, BotDataset dataset, ProblemSink sink, SkipCounts skipped)
    {
        var following = dataset.Edges(BotRelation.Following);
        var followers = dataset.Edges(BotRelation.Followers);
        foreach (var (row, file, record, lists) in neighbors)
        {
            foreach (var (ids, edges, what) in new[] { (lists.Following, following, "following"), (lists.Follower, followers, "follower") })
            {
                foreach (var text in ids ?? new List<string>())
                {
                    if (!ProfileValues.TryParseId(text, out long other))
                    {
                        sink.Add(DataProblem.InvalidId, new DataPosition(file), $"record {record} (user {dataset.Users.Ids[row]}): neighbor.{what} id '{text}' is not a numeric Twitter id");
                        continue;
                    }
                    int target = dataset.Users.IndexOf(other);
                    if (target < 0) { skipped.Add(SkippedFollowEdgesOutside); continue; }
                    // following u→v: u follows v; followers u→v: v follows u (TwiBot-22's directions).
                    edges.Add(row, target);
                }
            }
        }
    }
}
