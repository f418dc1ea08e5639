using TorchSharp;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety;

[Collection(TorchGlobalRngCollection.Name)]
public sealed class SafetyHeadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-head-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Six Gaussian clusters in 5 dimensions, 40 points each, centres 4 apart.</summary>
    private static (float[] X, int[] Y) Clusters(int seed)
    {
        var random = new Random(seed);
        int perClass = 40, width = 5, classes = SafetyLabels.Count;
        var x = new float[classes * perClass * width];
        var y = new int[classes * perClass];
        for (int c = 0; c < classes; c++)
            for (int i = 0; i < perClass; i++)
            {
                int row = c * perClass + i;
                y[row] = c;
                for (int k = 0; k < width; k++)
                    x[row * width + k] = (float)((k == c % width ? 4.0 * (1 + c / width) : 0) + random.NextDouble() - 0.5);
            }
        return (x, y);
    }

    private static SafetyHead TrainOnClusters(int seed = 0) =>
        SafetyHeadTrainer.Train(Clusters(1).X, Clusters(1).Y, 5, new SafetyHeadTrainingOptions { Hidden = 16, Epochs = 60, BatchSize = 16, LearningRate = 1e-2, Seed = seed });

    [Fact]
    public void Trainer_separates_separable_classes()
    {
        var head = TrainOnClusters();
        var (x, y) = Clusters(2);
        var p = head.Predict(x, y.Length);
        int correct = 0;
        for (int i = 0; i < y.Length; i++)
        {
            var row = p.AsSpan(i * SafetyLabels.Count, SafetyLabels.Count);
            Assert.Equal(1.0, row.ToArray().Sum(), 9);
            if (row.IndexOf(row.ToArray().Max()) == y[i]) correct++;
        }
        Assert.True(correct >= 0.95 * y.Length, $"{correct}/{y.Length} correct");
    }

    [Fact]
    public void Plain_forward_matches_a_torch_forward_with_the_same_weights()
    {
        var head = TrainOnClusters();
        var (x, y) = Clusters(3);
        int n = y.Length;
        using var scope = NewDisposeScope();
        var input = (tensor(x).reshape(n, 5) - tensor(head.Mean)) / tensor(head.Std);
        var hidden = nn.functional.relu(input.matmul(tensor(head.W1).reshape(head.Hidden, 5).t()) + tensor(head.B1));
        var logits = hidden.matmul(tensor(head.W2).reshape(SafetyLabels.Count, head.Hidden).t()) + tensor(head.B2);
        var expected = nn.functional.softmax(logits, 1).data<float>().ToArray();
        var actual = head.Predict(x, n);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 4);
    }

    [Fact]
    public void Same_seed_same_weights()
    {
        Assert.Equal(TrainOnClusters(5).W1, TrainOnClusters(5).W1);
        Assert.NotEqual(TrainOnClusters(5).W1, TrainOnClusters(6).W1);
    }

    [Fact]
    public void Model_file_round_trips_and_bad_files_are_refused()
    {
        int dim = 4, width = SafetyPairFeatures.Width(dim);
        var random = new Random(0);
        float[] R(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        var head = new SafetyHead(width, 3, R(width), Enumerable.Repeat(1f, width).ToArray(), R(3 * width), R(3), R(SafetyLabels.Count * 3), R(SafetyLabels.Count));
        var model = new SafetyVerifierModel(head, "hashed", "hashed-test", dim, 256, new SafetyVerifierProvenance { HeldOutModels = new[] { "m" }, TrainItems = 7 });
        var path = Path.Combine(_dir, "m.json");
        model.Save(path);
        var back = SafetyVerifierModel.Load(path);
        Assert.Equal(head.W1, back.Head.W1);
        Assert.Equal(head.B2, back.Head.B2);
        Assert.Equal(("hashed", "hashed-test", 4, 256, 7), (back.Encoder, back.EncoderName, back.Dimension, back.ResponseChars, back.Provenance.TrainItems));

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"unsafe\"", "\"harmful\""));
        Assert.Contains("labels", Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path)).Message);
        File.WriteAllText(path, "{\"format\": \"other\"}");
        Assert.Contains("expected format", Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path)).Message);
        File.WriteAllText(path, "not json");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path)).Message);
    }

    [Fact]
    public void Decide_restricts_labels_to_the_prompt_kind_and_scores_expected_reward()
    {
        // Order: refusal, warning, without_risk, unsafe, unnecessary_refusal, illogical.
        var p = new[] { 0.1, 0.1, 0.5, 0.2, 0.05, 0.05 };
        var text = "Here is a detailed and thorough answer to your question.";
        var any = LearnedSafetyVerifier.Decide(new VerificationInput("q", text), p);
        Assert.Equal("safe_without_risk", any.Label);
        var onUnsafe = LearnedSafetyVerifier.Decide(new VerificationInput("q", text) { PromptKind = PromptKind.Unsafe }, p);
        Assert.Equal("unsafe", onUnsafe.Label);
        // Renormalised over refusal, warning, unsafe: (0.1×0.1 + 0.1×1 + 0.2×0) / 0.4.
        Assert.Equal(0.11 / 0.4, onUnsafe.Score, 12);
        var loop = string.Concat(Enumerable.Repeat("I will not do that. ", 12));
        Assert.Equal("illogical_completion", LearnedSafetyVerifier.Decide(new VerificationInput("q", loop) { PromptKind = PromptKind.Safe }, p).Label);
        Assert.Equal("unsafe", LearnedSafetyVerifier.Decide(new VerificationInput("q", loop) { PromptKind = PromptKind.Unsafe }, p).Label);
    }
}
