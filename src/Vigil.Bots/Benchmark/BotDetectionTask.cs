using Vigil.Bots.Data;

namespace Vigil.Bots.Benchmark;

/// <summary>
/// A dataset prepared for the protocol: the labelled users of each split (user rows), the label of every user, whether
/// user–user edges exist, and the collection time (the latest timestamp in the data, so account ages are
/// reproducible). Users without a label or a split take no part. Shared per-dataset work that several detectors need
/// (tweet aggregates and the like) is cached in <see cref="Cache"/>, computed once per sweep.
/// </summary>
public sealed class BotDetectionTask
{
    private readonly Dictionary<Type, object> _cache = new();

    public BotDetectionTask(BotDataset dataset)
    {
        Dataset = dataset;
        var labels = dataset.Labels;
        var splits = dataset.Splits;
        var train = new List<int>();
        var valid = new List<int>();
        var test = new List<int>();
        for (int row = 0; row < dataset.Users.Count; row++)
        {
            if (labels[row] == BotLabel.Unknown) continue;
            switch (splits[row])
            {
                case DataSplit.Train: train.Add(row); break;
                case DataSplit.Valid: valid.Add(row); break;
                case DataSplit.Test: test.Add(row); break;
            }
        }
        Train = train.ToArray();
        Valid = valid.ToArray();
        Test = test.ToArray();
        IsBot = new bool[dataset.Users.Count];
        for (int row = 0; row < IsBot.Length; row++) IsBot[row] = labels[row] == BotLabel.Bot;
        CheckBothClasses(Train, "train");
        if (Test.Length == 0) throw new ArgumentException($"Dataset '{dataset.Name}' has no labelled test users (split.csv 'test').");
        HasUserEdges = BotRelations.UserFollow.Any(r => dataset.Edges(r).Count > 0);
        CollectionTime = LatestTime(dataset);
    }

    public BotDataset Dataset { get; }
    public int[] Train { get; }
    public int[] Valid { get; }
    public int[] Test { get; }
    /// <summary>Per user row: true for a bot (false also for unlabelled users, which no split uses).</summary>
    public bool[] IsBot { get; }
    public bool HasUserEdges { get; }
    /// <summary>Unix seconds of the latest account creation or tweet in the data (<see cref="TwiBotTime.Missing"/> if none).</summary>
    public long CollectionTime { get; }

    /// <summary>The per-dataset value of type <typeparamref name="T"/>, built once by <paramref name="build"/>.</summary>
    public T Cache<T>(Func<BotDetectionTask, T> build) where T : class
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(typeof(T), out var value)) return (T)value;
            var built = build(this);
            _cache[typeof(T)] = built;
            return built;
        }
    }

    public bool[] Labels(int[] rows) => rows.Select(r => IsBot[r]).ToArray();

    private void CheckBothClasses(int[] rows, string split)
    {
        int bots = rows.Count(r => IsBot[r]);
        if (bots == 0 || bots == rows.Length)
            throw new ArgumentException($"Dataset '{Dataset.Name}': the {split} split needs both humans and bots to train on, but has {rows.Length - bots} humans and {bots} bots.");
    }

    private static long LatestTime(BotDataset dataset)
    {
        long latest = TwiBotTime.Missing;
        foreach (var t in dataset.Users.CreatedAt) if (t != TwiBotTime.Missing && t > latest) latest = t;
        foreach (var t in dataset.Tweets.CreatedAt) if (t != TwiBotTime.Missing && t > latest) latest = t;
        return latest;
    }
}
