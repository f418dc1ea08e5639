using TorchSharp;
using Vigil.Bots.Baselines.Features.Inputs;
using Vigil.Bots.Benchmark;
using static TorchSharp.torch;
using static Vigil.Bots.Baselines.Features.Inputs.UserFeatures;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Hayawi et al. (Social Network Analysis and Mining 2022), DeeProBot, "Deep profile-based bot detection": an LSTM
/// over the profile description joined with numeric profile features. Small here: embeddings learned from scratch
/// (the paper's GloVe vectors are not available offline), width <see cref="Width"/>, Adam, and the epoch with the
/// best validation accuracy is kept (selection on valid, as the protocol allows). Seeded through torch's global
/// generator and a shuffling <see cref="Random"/>.
/// </summary>
public sealed class DeeProBot : IBotDetector
{
    public const string Paper = "Hayawi et al. 2022, DeeProBot: a hybrid deep neural network model for social bot detection based on user profile data (Social Network Analysis and Mining)";
    public const int Width = 32;
    public const int Words = 24;
    public const int Epochs = 15;
    public const int BatchSize = 128;
    public const double LearningRate = 3e-3;

    private static readonly UserFeature[] Numeric =
    [
        Followers, Following, TweetCount, Listed, AgeDays, FollowersPerFollowing, TweetsPerDay, Verified, Protected,
        DefaultProfileImage, UsernameLength, UsernameDigits, NameLength, DescriptionLength, HasUrl, HasLocation,
    ];

    public static IBotDetector Create() => new DeeProBot();

    public string Name => "DeeProBot";
    public DetectorFamily Family => DetectorFamily.Feature;
    public bool RequiresUserEdges => false;
    public string Config =>
        $"{{\"paper\":{System.Text.Json.JsonSerializer.Serialize(Paper)},\"model\":\"lstm\",\"width\":{Width},\"words\":{Words},\"epochs\":{Epochs}," +
        $"\"batch\":{BatchSize},\"lr\":{LearningRate},\"select\":\"valid_accuracy\",\"numeric\":{System.Text.Json.JsonSerializer.Serialize(Numeric.Select(f => f.Name))}}}";

    public string? Unsupported(BotDetectionTask task) => task.Valid.Length == 0 ? "the dataset has no validation users to select the epoch on" : null;

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        torch.manual_seed(seed);
        var tokens = DescriptionTokens.Learn(task, task.Train, Words);
        var scaling = NumericScaling.Learn(task, task.Train);
        var network = new DeeProBotNetwork(tokens.VocabularySize, Numeric.Length, Width);
        var (trainTokens, trainNumbers) = Inputs(task, task.Train, tokens, scaling);
        using (trainTokens)
        using (trainNumbers)
        using (var labels = tensor(task.Labels(task.Train).Select(b => b ? 1f : 0f).ToArray()))
        {
            ValidSelectedTraining.Fit(network, task.Train.Length,
                batch => network.forward(trainTokens.index_select(0, batch), trainNumbers.index_select(0, batch)), labels,
                () => Score(network, task, task.Valid, tokens, scaling), task.Labels(task.Valid), Epochs, BatchSize, LearningRate, seed, cancellation);
        }
        return new Fitted(network, task, tokens, scaling);
    }

    private static (Tensor Tokens, Tensor Numbers) Inputs(BotDetectionTask task, int[] users, DescriptionTokens tokens, NumericScaling scaling) =>
        (tensor(tokens.Encode(task, users), [users.Length, tokens.Length]),
         tensor(scaling.Apply(TabularFeatures.Build(task, Numeric, users).Values), [users.Length, Numeric.Length]));

    private static double[] Score(DeeProBotNetwork network, BotDetectionTask task, int[] users, DescriptionTokens tokens, NumericScaling scaling)
    {
        network.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (t, n) = Inputs(task, users, tokens, scaling);
        return network.forward(t, n).sigmoid().data<float>().Select(v => (double)v).ToArray();
    }

    private sealed class Fitted(DeeProBotNetwork network, BotDetectionTask task, DescriptionTokens tokens, NumericScaling scaling) : IFittedBotDetector
    {
        public double Threshold => 0.5;

        public double[] Score(int[] userRows) => DeeProBot.Score(network, task, userRows, tokens, scaling);
    }

    /// <summary>log(1 + |x|)·sign(x), then standardised with the training users' mean and std, per feature.</summary>
    private sealed class NumericScaling(float[] mean, float[] std)
    {
        public static NumericScaling Learn(BotDetectionTask task, int[] users)
        {
            var values = Log(TabularFeatures.Build(task, Numeric, users).Values);
            int d = Numeric.Length, n = users.Length;
            var mean = new float[d];
            var std = new float[d];
            for (int j = 0; j < d; j++)
            {
                double sum = 0, squares = 0;
                for (int i = 0; i < n; i++) sum += values[i * d + j];
                double m = sum / n;
                for (int i = 0; i < n; i++) squares += (values[i * d + j] - m) * (values[i * d + j] - m);
                mean[j] = (float)m;
                std[j] = (float)Math.Max(Math.Sqrt(squares / n), 1e-6);
            }
            return new NumericScaling(mean, std);
        }

        public float[] Apply(float[] raw)
        {
            var values = Log(raw);
            for (int i = 0; i < values.Length; i++) values[i] = (values[i] - mean[i % mean.Length]) / std[i % std.Length];
            return values;
        }

        private static float[] Log(float[] raw) => raw.Select(v => MathF.Sign(v) * MathF.Log(1 + MathF.Abs(v))).ToArray();
    }
}
