using Vigil.Bots.Data;
using Vigil.Bots.IO;

namespace Vigil.Bots.Generation;

/// <summary>
/// Makes synthetic TwiBot-22-format datasets: users, tweets, lists and hashtags, all 14 relations, labels and a
/// train/valid/test split, deterministic by seed. Bots differ from humans in profile, posting and text the way the
/// literature describes, and come in coordinated clusters; <see cref="BotDatasetGeneratorOptions.Difficulty"/> makes a
/// share of them look human in everything but their place in the graph, so graph-based detectors gain over
/// feature-only ones. <see cref="Generate"/> builds the dataset in memory; <see cref="WriteTo"/> streams the tweets to
/// disk (for a million users and more) and writes the same bytes as <see cref="TwiBotWriter"/> would.
/// </summary>
public static class BotDatasetGenerator
{
    /// <summary>The whole dataset in memory.</summary>
    public static BotDataset Generate(BotDatasetGeneratorOptions options, Action<string>? progress = null)
    {
        var dataset = new BotDataset(options.Name);
        Build(options, dataset, _ => row => dataset.Tweets.Add(row), progress);
        return dataset;
    }

    /// <summary>
    /// Writes a dataset folder in the TwiBot-22 layout without holding its tweets: each is written to its
    /// <c>tweet_N.json</c> as soon as it is made. Returns what was written.
    /// </summary>
    public static GeneratedDatasetSummary WriteTo(BotDatasetGeneratorOptions options, string directory, TwiBotWriterOptions? writerOptions = null,
        Action<string>? progress = null)
    {
        writerOptions ??= new TwiBotWriterOptions();
        if (writerOptions.TweetFileCount < 1)
            throw new ArgumentOutOfRangeException(nameof(writerOptions), $"TweetFileCount must be at least 1, got {writerOptions.TweetFileCount}.");
        options.Validate();
        Directory.CreateDirectory(directory);
        var dataset = new BotDataset(options.Name, tweetText: false);
        TweetFileSink? tweets = null;
        try
        {
            Build(options, dataset, people =>
            {
                tweets = new TweetFileSink(directory, people.TotalTweets, writerOptions.TweetFileCount);
                return tweets.Add;
            }, progress);
            tweets!.Dispose();
            progress?.Invoke("writing users, lists, hashtags, labels, splits, edges");
            TwiBotWriter.WriteUsers(dataset.Users, Path.Combine(directory, TwiBotFiles.Users));
            TwiBotWriter.WriteAllButUsersAndTweets(dataset, directory, writerOptions, tweets.Ids);
            return GeneratedDatasetSummary.From(dataset, tweets.Ids.Length, directory);
        }
        finally
        {
            tweets?.Dispose();
        }
    }

    private static void Build(BotDatasetGeneratorOptions options, BotDataset dataset, Func<SyntheticPopulation, Action<TweetRow>> openTweetSink,
        Action<string>? progress)
    {
        options.Validate();
        var people = new SyntheticPopulation(options);
        progress?.Invoke($"{people.Count:N0} users ({people.BotCount:N0} bots), {people.TotalTweets:N0} tweets planned");
        var follows = FollowGraph.Generate(people);
        var hashtags = new HashtagVocabulary(options.HashtagCount);
        var clusterTags = new ClusterHashtags(people, hashtags);
        var text = new SyntheticText(options.Seed);
        UserProfiles.Generate(people, text, clusterTags, dataset);
        for (int h = 0; h < hashtags.Count; h++) dataset.Hashtags.Add(people.Ids.Hashtag(h), hashtags[h]);
        progress?.Invoke($"profiles done; {follows.Count:N0} follows; generating tweets");
        var sink = openTweetSink(people);
        long total = people.TotalTweets, step = Math.Max(1, total / 20), next = step;
        new SyntheticTweets(people, follows, text, hashtags, clusterTags, dataset).Generate(sink, row =>
        {
            if (row < next && row < total) return;
            progress?.Invoke($"tweets {row:N0} / {total:N0}");
            next = row + step;
        });
        SyntheticEngagement.AddLikes(people, follows, dataset);
        SyntheticEngagement.AddFollows(people, follows, dataset);
        SyntheticLists.Generate(people, dataset);
        progress?.Invoke($"{dataset.EdgeCount:N0} edges");
    }
}
