using Vigil.Bots.Baselines.Features;
using Vigil.Bots.Baselines.Features.Inputs;
using Vigil.Bots.Benchmark;
using Vigil.Core.Metrics;
using Vigil.Tests.Bots.Benchmark;

namespace Vigil.Tests.Bots.Baselines;

[Collection(TorchGlobalRngCollection.Name)]
public class DeeProBotTests
{
    private static readonly Lazy<BotDetectionTask> Task = new(() => new BotDetectionTask(SyntheticBots.Build(users: 400, seed: 21)));

    [Fact]
    public void The_lstm_over_description_and_numbers_learns_bots_and_repeats_with_its_seed()
    {
        var task = Task.Value;
        var detector = DeeProBot.Create();
        Assert.Null(detector.Unsupported(task));
        var scores = detector.Fit(task, 3, CancellationToken.None).Score(task.Test);
        var again = detector.Fit(task, 3, CancellationToken.None).Score(task.Test);
        Assert.Equal(scores, again);
        var metrics = BinaryEvaluation.FromScores(task.Labels(task.Test), scores);
        Assert.True(metrics.Accuracy >= 0.8, $"accuracy {metrics.Accuracy:F3}");
    }

    [Fact]
    public void Descriptions_become_padded_word_ids_from_the_training_vocabulary()
    {
        var data = SyntheticBots.Build(users: 3, seed: 1);
        // Users 0 and 1 share two words (count 2 → in the vocabulary); user 2's words are seen once (unknown).
        string[] texts = ["Hello #World hello", "hello #world", "other words"];
        var rows = Enumerable.Range(0, 3).Select(i => data.Users[i] with { Id = 90 + i, Description = texts[i] }).ToList();
        var fresh = new Vigil.Bots.Data.BotDataset("t");
        foreach (var row in rows) fresh.Users.Add(row);
        for (int i = 0; i < 3; i++) { fresh.SetLabel(i, (Vigil.Bots.Data.BotLabel)(i % 2)); fresh.SetSplit(i, Vigil.Bots.Data.DataSplit.Train); }
        fresh.SetSplit(2, Vigil.Bots.Data.DataSplit.Test);
        var task = new BotDetectionTask(fresh);
        var tokens = DescriptionTokens.Learn(task, [0, 1, 2], length: 4);
        Assert.Equal(4, tokens.VocabularySize);
        var ids = tokens.Encode(task, [0, 1, 2]);
        // "hello" (3 uses) is id 2, "#world" (2 uses) id 3; padding 0, unknown 1.
        Assert.Equal([2, 3, 2, 0, 2, 3, 0, 0, 1, 1, 0, 0], ids);
    }
}
