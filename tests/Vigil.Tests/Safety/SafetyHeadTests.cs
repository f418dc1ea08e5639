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
    public void An_ensemble_averages_members_trained_on_consecutive_seeds()
    {
        var (x, y) = Clusters(1);
        var options = new SafetyHeadTrainingOptions { Hidden = 16, Epochs = 60, BatchSize = 16, LearningRate = 1e-2, Seed = 5, Members = 3 };
        var ensemble = SafetyHeadTrainer.TrainEnsemble(x, y, 5, options);
        Assert.Equal(3, ensemble.Members.Count);
        for (int k = 0; k < 3; k++) Assert.Equal(TrainOnClusters(5 + k).W1, ensemble.Members[k].W1);

        var (test, labels) = Clusters(2);
        var members = ensemble.Members.Select(m => m.Predict(test, labels.Length)).ToArray();
        var mean = ensemble.Predict(test, labels.Length);
        for (int i = 0; i < mean.Length; i++) Assert.Equal(members.Average(p => p[i]), mean[i], 12);
        // The members differ, so the average is not any one of them.
        Assert.NotEqual(members[0], mean);
        // One member is exactly the single head.
        Assert.Equal(TrainOnClusters(5).W1, Assert.Single(SafetyHeadTrainer.TrainEnsemble(x, y, 5, options with { Members = 1 }).Members).W1);
        Assert.Throws<ArgumentOutOfRangeException>(() => SafetyHeadTrainer.TrainEnsemble(x, y, 5, options with { Members = 0 }));
        Assert.Throws<ArgumentException>(() => new SafetyHeadEnsemble(Array.Empty<SafetyHead>()));
    }

    [Fact]
    public void An_ensemble_model_round_trips_and_a_damaged_member_is_named()
    {
        int dim = 4, width = SafetyPairFeatures.Width(dim);
        var random = new Random(3);
        float[] R(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        SafetyHead Head(int hidden) => new(width, hidden, R(width), Enumerable.Repeat(1f, width).ToArray(), R(hidden * width), R(hidden), R(SafetyLabels.Count * hidden), R(SafetyLabels.Count));
        var heads = new[] { Head(3), Head(3), Head(3) };
        var model = new SafetyVerifierModel(new SafetyHeadEnsemble(heads), "hashed", "hashed-test", dim, 256, new SafetyVerifierProvenance { Members = 3 });
        var path = Path.Combine(_dir, "ensemble.json");
        model.Save(path);
        var back = SafetyVerifierModel.Load(path);
        Assert.Equal(3, back.Head.Members.Count);
        for (int k = 0; k < 3; k++) Assert.Equal(heads[k].W2, back.Head.Members[k].W2);
        Assert.Equal(3, back.Provenance.Members);
        var x = R(2 * width);
        Assert.Equal(model.Head.Predict(x, 2), back.Head.Predict(x, 2));

        // A single-head model is written without the entry, as before ensembles existed.
        var single = Path.Combine(_dir, "single.json");
        (model with { Head = heads[0] }).Save(single);
        Assert.DoesNotContain("more_members", File.ReadAllText(single));

        var text = File.ReadAllText(path);
        int w1 = text.IndexOf("\"w1\"", text.IndexOf("\"more_members\"", StringComparison.Ordinal), StringComparison.Ordinal);
        int start = text.IndexOf('"', w1 + 5) + 1;
        File.WriteAllText(path, text[..start] + "AAAA" + text[text.IndexOf('"', start)..]);
        var e = Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path));
        Assert.Contains("more_members[0]", e.Message);
        Assert.Contains(path, e.Message);
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
        Assert.Equal(head.W1, Assert.Single(back.Head.Members).W1);
        Assert.Equal(head.B2, back.Head.Members[0].B2);
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
