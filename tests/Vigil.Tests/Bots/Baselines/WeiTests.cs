using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Text;
using Vigil.Bots.Benchmark;
using Vigil.Bots.Data;
using Vigil.Bots.Generation;
using Vigil.Core.Metrics;
using Vigil.Tests.Bots.Benchmark;

namespace Vigil.Tests.Bots.Baselines;

/// <summary>Wei's BiLSTM with attention over a user's tweets, on a small generated dataset.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public class WeiTests
{
    // Difficulty 0: every bot posts like one, so the tweets alone carry the signal this test looks for.
    private static readonly BotDatasetGeneratorOptions Options = new() { Users = 600, Seed = 4, TweetsPerUser = 6, Difficulty = 0 };
    private static readonly Lazy<BotDetectionTask> Generated = new(() => new BotDetectionTask(BotDatasetGenerator.Generate(Options)));

    [Fact]
    public void The_bilstm_over_tweets_learns_bots_and_repeats_with_its_seed()
    {
        var task = Generated.Value;
        var detector = Assert.IsType<Wei>(BaselineCatalog.Select(["Wei"])[0]);
        Assert.Equal(DetectorFamily.Text, detector.Family);
        Assert.Null(detector.Unsupported(task));
        var scores = detector.Fit(task, 3, CancellationToken.None).Score(task.Test);
        Assert.Equal(scores, detector.Fit(task, 3, CancellationToken.None).Score(task.Test));

        var labels = task.Labels(task.Test);
        var metrics = BinaryEvaluation.FromScores(labels, scores);
        double majority = labels.Count(b => !b) / (double)labels.Length;
        Assert.True(metrics.RocAuc > 0.8, $"ROC-AUC {metrics.RocAuc:F3}");
        Assert.True(metrics.Accuracy > majority, $"accuracy {metrics.Accuracy:F3}, majority {majority:F3}");
    }

    [Fact]
    public void Flipping_every_test_label_changes_no_score()
    {
        var original = Generated.Value;
        var flippedData = BotDatasetGenerator.Generate(Options);
        foreach (var u in original.Test) flippedData.SetLabel(u, original.IsBot[u] ? BotLabel.Human : BotLabel.Bot);
        var flipped = new BotDetectionTask(flippedData);
        Assert.Equal(original.Test, flipped.Test);
        Assert.All(original.Test, u => Assert.NotEqual(original.IsBot[u], flipped.IsBot[u]));

        var detector = Wei.Create();
        Assert.Equal(detector.Fit(original, 1, CancellationToken.None).Score(original.Test), detector.Fit(flipped, 1, CancellationToken.None).Score(flipped.Test));
    }

    [Fact]
    public void Tweets_become_capped_padded_word_ids_from_the_training_vocabulary()
    {
        var data = SyntheticBots.Build(users: 3, seed: 1);
        var fresh = new BotDataset("t");
        for (int i = 0; i < 3; i++) fresh.Users.Add(data.Users[i] with { Id = 90 + i });
        // User 0: two tweets; user 1: one; user 2 (test): one with words seen once in training or never.
        (long Author, string Text)[] tweets = [(90, "Hello #World hello"), (90, "a b c d"), (91, "hello #world x"), (92, "zzz hello")];
        for (int t = 0; t < tweets.Length; t++) fresh.Tweets.Add(new TweetRow(500 + t) { AuthorId = tweets[t].Author, Text = tweets[t].Text });
        for (int i = 0; i < 3; i++) { fresh.SetLabel(i, (BotLabel)(i % 2)); fresh.SetSplit(i, DataSplit.Train); }
        fresh.SetSplit(2, DataSplit.Test);
        var task = new BotDetectionTask(fresh);

        var tokens = TweetTokens.Build(task, tweets: 2, words: 3);
        // Training words: hello ×3 (id 2), #world ×2 (id 3); every other word is seen once (unknown, 1). Padding 0; the
        // second tweet keeps its first 3 words; user 1's second tweet and user 2's second tweet are padding.
        Assert.Equal(4, tokens.VocabularySize);
        Assert.Equal([2, 3, 2, 1, 1, 1, 2, 3, 1, 0, 0, 0, 1, 2, 0, 0, 0, 0], tokens.Ids);
        Assert.Equal(tokens.Ids[6..12], tokens.Of([1]));
    }
}
