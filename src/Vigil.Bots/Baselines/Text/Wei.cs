using System.Text.Json;
using TorchSharp;
using Vigil.Bots.Benchmark;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines.Text;

/// <summary>
/// Wei &amp; Nguyen (IEEE TPS-ISA 2019), "Twitter bot detection using bidirectional long short-term memory neural
/// networks and word embeddings": a BiLSTM over tweet words, here per user with attention over the words of its
/// tweets (<see cref="WeiNetwork"/>). Word embeddings are learned from scratch (the paper's pretrained GloVe Twitter
/// vectors are not available offline). Capped so a run costs seconds on a CPU: each user's first <see cref="Tweets"/>
/// tweets, <see cref="Words"/> words each. Adam; the epoch with the best validation accuracy is kept (test users
/// take no part in training or selection). Seeded through torch's global generator and a shuffling <see cref="Random"/>.
/// </summary>
public sealed class Wei : IBotDetector
{
    public const string Paper = "Wei & Nguyen 2019, Twitter bot detection using bidirectional long short-term memory neural networks and word embeddings (IEEE TPS-ISA)";
    public const int Tweets = 8;
    public const int Words = 12;
    public const int EmbeddingWidth = 32;
    public const int Hidden = 16;
    public const double Dropout = 0.2;
    public const int Epochs = 8;
    public const int BatchSize = 64;
    public const double LearningRate = 5e-3;

    public static IBotDetector Create() => new Wei();

    public string Name => "Wei";
    public DetectorFamily Family => DetectorFamily.Text;
    public bool RequiresUserEdges => false;
    public string Config =>
        $"{{\"paper\":{JsonSerializer.Serialize(Paper)},\"model\":\"bilstm_attention\",\"embeddings\":\"learned\",\"tweets_per_user\":{Tweets},\"words_per_tweet\":{Words}," +
        $"\"embedding\":{EmbeddingWidth},\"hidden\":{Hidden},\"dropout\":{Dropout},\"epochs\":{Epochs},\"batch\":{BatchSize},\"lr\":{LearningRate},\"select\":\"valid_accuracy\"}}";

    public string? Unsupported(BotDetectionTask task) =>
        task.Dataset.Tweets.Count == 0 ? "the dataset has no tweets"
        : !task.Dataset.Tweets.HasText ? "the dataset's tweets have no text"
        : task.Valid.Length == 0 ? "the dataset has no validation users to select the epoch on"
        : null;

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        torch.manual_seed(seed);
        var tokens = task.Cache(t => TweetTokens.Build(t, Tweets, Words));
        var network = new WeiNetwork(tokens.VocabularySize, EmbeddingWidth, Hidden, Dropout);
        using var trainTokens = Tokens(tokens, task.Train);
        using var labels = tensor(task.Labels(task.Train).Select(b => b ? 1f : 0f).ToArray());
        ValidSelectedTraining.Fit(network, task.Train.Length, batch => network.forward(trainTokens.index_select(0, batch)), labels,
            () => Score(network, tokens, task.Valid), task.Labels(task.Valid), Epochs, BatchSize, LearningRate, seed, cancellation);
        return new Fitted(network, tokens);
    }

    private static Tensor Tokens(TweetTokens tokens, int[] users) => tensor(tokens.Of(users), [users.Length, tokens.Tweets, tokens.Words]);

    private static double[] Score(WeiNetwork network, TweetTokens tokens, int[] users)
    {
        network.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var scores = new double[users.Length];
        // In chunks, so scoring all users at once never holds every user's LSTM states.
        const int chunk = 512;
        for (int start = 0; start < users.Length; start += chunk)
        {
            int count = Math.Min(chunk, users.Length - start);
            using var inner = NewDisposeScope();
            var probabilities = network.forward(Tokens(tokens, users.AsSpan(start, count).ToArray())).sigmoid().data<float>().ToArray();
            for (int i = 0; i < count; i++) scores[start + i] = probabilities[i];
        }
        return scores;
    }

    private sealed class Fitted(WeiNetwork network, TweetTokens tokens) : IFittedBotDetector
    {
        public double Threshold => 0.5;

        public double[] Score(int[] userRows) => Wei.Score(network, tokens, userRows);
    }
}
