using Vigil.Bots.Baselines;
using Vigil.Bots.Baselines.Features;
using Vigil.Bots.Benchmark;
using Vigil.Core.Metrics;
using Vigil.Tests.Bots.Benchmark;

namespace Vigil.Tests.Bots.Baselines;

public class FeatureBaselineTests
{
    private static readonly Lazy<BotDetectionTask> ProfileOnly = new(() => new BotDetectionTask(SyntheticBots.Build(users: 500, seed: 3)));
    private static readonly Lazy<BotDetectionTask> Full = new(() => new BotDetectionTask(SyntheticBots.Build(users: 500, seed: 4, tweets: true, edges: true)));

    public static TheoryData<string> ProfileMethods => new()
    {
        "Lee", "SGBot", "Varol", "Kudugunta", "Abreu", "Kantepe", "Knauth", "Efthimion", "LOBO", "Santos", "NameBot",
    };

    [Fact]
    public void A_profile_only_dataset_supports_at_least_ten_baselines_and_says_why_not_for_the_rest()
    {
        var task = ProfileOnly.Value;
        Assert.False(task.HasUserEdges);
        var supported = BaselineCatalog.All().Where(d => d.Unsupported(task) is null && !(d.RequiresUserEdges && !task.HasUserEdges)).ToList();
        Assert.True(supported.Count >= 10, $"only {supported.Count} baselines run on profile-only data");
        var moghaddam = BaselineCatalog.Select(["Moghaddam"])[0];
        Assert.True(moghaddam.RequiresUserEdges);
        Assert.Contains("UserEdges", moghaddam.Unsupported(task));
    }

    [Theory]
    [MemberData(nameof(ProfileMethods))]
    public void Each_profile_baseline_separates_bots_from_humans_well_above_chance(string method)
    {
        var task = ProfileOnly.Value;
        var detector = BaselineCatalog.Select([method])[0];
        Assert.Null(detector.Unsupported(task));
        var fitted = detector.Fit(task, seed: 0, CancellationToken.None);
        var scores = fitted.Score(task.Test);
        var metrics = BinaryEvaluation.FromScores(task.Labels(task.Test), scores, fitted.Threshold);
        // The data's bots differ on the profile fields every method reads except NameBot, which sees only the screen
        // name (digits appear in 90% of lookalike bots' names and 15% of humans'), and Santos, which sees only the
        // description where there are no tweets (empty for half the lookalike bots and 15% of humans, else shorter).
        double floor = method switch { "NameBot" => 0.65, "Santos" => 0.7, _ => 0.8 };
        Assert.True(metrics.Accuracy >= floor, $"{method}: accuracy {metrics.Accuracy:F3} < {floor}");
        Assert.True(metrics.RocAuc >= floor, $"{method}: ROC-AUC {metrics.RocAuc:F3} < {floor}");
    }

    [Fact]
    public void Moghaddam_runs_where_user_edges_exist_and_learns_from_friendship_features()
    {
        var task = Full.Value;
        var detector = (TabularBaseline)Moghaddam.Create();
        Assert.Null(detector.Unsupported(task));
        Assert.Contains(detector.FeaturesFor(task), f => f.Name == "friend_log_followers_mean");
        var fitted = detector.Fit(task, 0, CancellationToken.None);
        var metrics = BinaryEvaluation.FromScores(task.Labels(task.Test), fitted.Score(task.Test), fitted.Threshold);
        Assert.True(metrics.Accuracy >= 0.8, $"accuracy {metrics.Accuracy:F3}");
    }

    [Fact]
    public void A_baseline_takes_the_tweet_inputs_of_its_paper_only_where_the_dataset_has_tweets()
    {
        var lee = (TabularBaseline)Lee.Create();
        var withTweets = lee.FeaturesFor(Full.Value).Select(f => f.Name).ToList();
        var profileOnly = lee.FeaturesFor(ProfileOnly.Value).Select(f => f.Name).ToList();
        Assert.Contains("retweet_share", withTweets);
        Assert.Contains("distinct_text_share", withTweets);
        Assert.DoesNotContain("retweet_share", profileOnly);
        Assert.Contains("followers_count", profileOnly);
        Assert.Equal(lee.PaperFeatures.Count, withTweets.Count);
    }

    [Theory]
    [InlineData("Efthimion")]
    [InlineData("Santos")]
    [InlineData("Knauth")]
    [InlineData("NameBot")]
    public void Deterministic_methods_give_the_same_scores_for_every_seed(string method)
    {
        var task = ProfileOnly.Value;
        var detector = BaselineCatalog.Select([method])[0];
        var a = detector.Fit(task, 0, CancellationToken.None).Score(task.Test);
        var b = detector.Fit(task, 7, CancellationToken.None).Score(task.Test);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Random_forest_methods_depend_on_the_seed_and_repeat_with_it()
    {
        var task = ProfileOnly.Value;
        var detector = Lee.Create();
        var a = detector.Fit(task, 1, CancellationToken.None).Score(task.Test);
        var again = detector.Fit(task, 1, CancellationToken.None).Score(task.Test);
        var other = detector.Fit(task, 2, CancellationToken.None).Score(task.Test);
        Assert.Equal(a, again);
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Unknown_method_names_are_rejected_with_the_known_ones_listed()
    {
        var e = Assert.Throws<ArgumentException>(() => BaselineCatalog.Select(["Lee", "NoSuchBot"]));
        Assert.Contains("NoSuchBot", e.Message);
        Assert.Contains("Kudugunta", e.Message);
    }
}
