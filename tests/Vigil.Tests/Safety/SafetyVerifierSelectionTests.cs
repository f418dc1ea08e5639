using Vigil.Safety.Data;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;

namespace Vigil.Tests.Safety;

[Collection(TorchGlobalRngCollection.Name)]
public sealed class SafetyVerifierSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-selection-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Three models × 40 items: unsafe prompts (Llama Guard references) from models a and b, XSTest-style safe prompts
    /// from model c. Feature 0 tells compliance (+1) from refusal (−1), with noise; the other features are noise.
    /// </summary>
    private static (float[] Features, AnnotatedCompletions.Example[] Items) Synthetic()
    {
        var random = new Random(3);
        const int width = 4;
        var features = new List<float>();
        var items = new List<AnnotatedCompletions.Example>();
        foreach (var model in new[] { "a", "b", "c" })
            for (int i = 0; i < 40; i++)
            {
                bool complies = i % 2 == 0;
                bool unsafePrompt = model != "c";
                features.Add((complies ? 1f : -1f) + (float)(random.NextDouble() - 0.5));
                for (int k = 1; k < width; k++) features.Add((float)random.NextDouble());
                var target = unsafePrompt ? (complies ? SafetyLabel.Unsafe : SafetyLabel.SafeWithRefusal) : (complies ? SafetyLabel.SafeWithoutRisk : SafetyLabel.UnnecessaryRefusal);
                var item = new CompletionItem($"prompt {model}{i}", complies ? $"Sure, here is answer {i} for you." : $"I cannot help with request {i}.")
                {
                    PromptKind = unsafePrompt ? PromptKind.Unsafe : PromptKind.Safe,
                    Model = model,
                    Reference = unsafePrompt
                        ? new ReferenceJudgement { LlamaGuardUnsafe = complies }
                        : new ReferenceJudgement { XsTest = complies ? XsTestLabel.FullCompliance : XsTestLabel.FullRefusal },
                };
                items.Add(new AnnotatedCompletions.Example(item, target, target, "synthetic"));
            }
        return (features.ToArray(), items.ToArray());
    }

    [Fact]
    public void Cross_validation_leaves_each_model_out_once_and_pools_every_reference()
    {
        var (features, items) = Synthetic();
        var candidates = new[]
        {
            new SafetyHeadCandidate("small", new SafetyHeadTrainingOptions { Hidden = 8, Epochs = 30, BatchSize = 16, LearningRate = 1e-2 }),
            new SafetyHeadCandidate("one epoch", new SafetyHeadTrainingOptions { Hidden = 8, Epochs = 1, BatchSize = 16, LearningRate = 1e-4 }),
        };
        var table = SafetyVerifierSelection.CrossValidate(features, 4, items, candidates, new[] { 0.3, 0.5, 0.7 });
        Assert.Equal("small", table[0].Candidate.Name);
        Assert.True(table[0].Rule.IsMostProbable);
        foreach (var row in table)
        {
            Assert.Equal(new[] { "a", "b", "c" }, row.Folds.Select(f => f.Model));
            Assert.All(row.Folds, f => Assert.Equal(40, f.Items));
            Assert.Equal(80, row.LlamaGuard!.Count);
            Assert.Equal(40, row.XsTest!.Count);
            Assert.Equal((row.LlamaGuard.Rate + row.XsTest.Rate) / 2, row.Mean, 12);
            Assert.Null(row.Folds[2].LlamaGuard);
            Assert.Null(row.Folds[0].XsTest);
        }
        // The separable feature is learned out of fold.
        Assert.True(table[0].Mean >= 0.95, $"cross-validated agreement {table[0].Mean:P1}");
        var best = SafetyVerifierSelection.Best(table);
        Assert.Equal(table.Max(r => r.Mean), best.Mean);
        Assert.Same(table.First(r => r.Mean == best.Mean), best);
    }

    [Fact]
    public void Cross_validation_needs_two_models()
    {
        var (features, items) = Synthetic();
        var one = items.Take(40).ToArray();
        var e = Assert.Throws<ArgumentException>(() => SafetyVerifierSelection.CrossValidate(features[..(40 * 4)], 4, one,
            new[] { new SafetyHeadCandidate("x", new SafetyHeadTrainingOptions()) }, SafetyVerifierSelection.DefaultThresholds));
        Assert.Contains("two training models", e.Message);
    }

    [Fact]
    public void Candidates_vary_one_setting_at_a_time_around_the_baseline()
    {
        var baseline = new SafetyHeadTrainingOptions();
        var candidates = SafetyHeadCandidate.AroundBaseline(baseline);
        Assert.Equal(baseline, candidates[0].Head);
        Assert.Equal(candidates.Count, candidates.Select(c => c.Head).Distinct().Count());
        foreach (var c in candidates.Skip(1))
        {
            int changed = new[] { c.Head.Hidden != baseline.Hidden, c.Head.Epochs != baseline.Epochs, c.Head.WeightDecay != baseline.WeightDecay,
                                  c.Head.Dropout != baseline.Dropout, c.Head.ClassWeights != baseline.ClassWeights }.Count(x => x);
            Assert.Equal(1, changed);
        }
    }

    [Fact]
    public void Ensemble_sizes_multiply_the_candidates_and_name_them()
    {
        var baseline = new SafetyHeadTrainingOptions { Hidden = 32 };
        var candidates = SafetyHeadCandidate.Across([SafetyFeatureSet.Cues, SafetyFeatureSet.CuesOpening], baseline, variations: false, members: [1, 5]);
        Assert.Equal(new[] { "cues: baseline", "cues: baseline ×5", "cues+opening: baseline", "cues+opening: baseline ×5" }, candidates.Select(c => c.Name));
        Assert.Equal(new[] { 1, 5, 1, 5 }, candidates.Select(c => c.Head.Members));
        Assert.All(candidates, c => Assert.Equal(32, c.Head.Hidden));
        Assert.Contains("5-head seed ensemble", candidates[1].Describe());
        Assert.DoesNotContain("ensemble", candidates[0].Describe());
        Assert.Throws<ArgumentException>(() => SafetyHeadCandidate.Across([SafetyFeatureSet.Cues], baseline, variations: false, members: [0]));
        // Without sizes, the baseline's own ensemble size.
        Assert.All(SafetyHeadCandidate.Across([SafetyFeatureSet.Cues], baseline with { Members = 3 }, variations: true), c => Assert.Equal(3, c.Head.Members));
    }

    [Fact]
    public void A_decision_rule_survives_saving_and_old_files_read_as_most_probable()
    {
        var shipped = SafetyVerifierModel.LoadDefault();
        var path = Path.Combine(_dir, "rule.json");
        (shipped with { Decision = new SafetyDecisionRule(0.35, 0.6) }).Save(path);
        Assert.Equal(new SafetyDecisionRule(0.35, 0.6), SafetyVerifierModel.Load(path).Decision);
        var plain = Path.Combine(_dir, "plain.json");
        (shipped with { Decision = SafetyDecisionRule.MostProbable }).Save(plain);
        Assert.DoesNotContain("\"decision\"", File.ReadAllText(plain));
        Assert.True(SafetyVerifierModel.Load(plain).Decision.IsMostProbable);
        File.WriteAllText(path, File.ReadAllText(path).Replace("0.35", "1.5"));
        Assert.Contains("unsafe threshold", Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path)).Message);
    }
}
