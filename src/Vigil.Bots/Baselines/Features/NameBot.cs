using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Vigil.Bots.Baselines.Learners;
using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// Beskow &amp; Carley (2019), NameBot, "Its all in a name: detecting and labeling bots by their name": logistic regression
/// on the character n-grams (1 to <see cref="NgramLength"/>, lower-cased) of the screen name alone. Deterministic.
/// </summary>
public sealed class NameBot : IBotDetector
{
    public const string Paper = "Beskow & Carley 2019, Its all in a name: detecting and labeling bots by their name (Computational and Mathematical Organization Theory)";
    public const int NgramLength = 3;

    public static IBotDetector Create() => new NameBot();

    public string Name => "NameBot";
    public DetectorFamily Family => DetectorFamily.Feature;
    public bool RequiresUserEdges => false;
    public string Config => $"{{\"paper\":{System.Text.Json.JsonSerializer.Serialize(Paper)},\"model\":\"logistic_regression\",\"solver\":\"lbfgs\",\"input\":\"screen_name\",\"char_ngrams\":[1,{NgramLength}]}}";

    public string? Unsupported(BotDetectionTask task)
    {
        var names = task.Dataset.Users.Username;
        return task.Train.Any(u => names.GetUtf8(u).Length > 0) ? null : "the training users have no screen names";
    }

    public IFittedBotDetector Fit(BotDetectionTask task, int seed, CancellationToken cancellation)
    {
        var ml = new MLContext(seed);
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = NgramLength, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", options, nameof(NameRow.Username))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(NameRow.Label), "Features"));
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(Rows(task, task.Train)));
        return new Fitted(ml, model, task);
    }

    private static IEnumerable<NameRow> Rows(BotDetectionTask task, int[] users) =>
        users.Select(u => new NameRow { Username = task.Dataset.Users.Username.GetString(u) ?? "", Label = task.IsBot[u] }).ToArray();

    private sealed class Fitted(MLContext ml, ITransformer model, BotDetectionTask task) : IFittedBotDetector
    {
        public double Threshold => 0.5;

        public double[] Score(int[] userRows) =>
            MlNetData.PositiveProbability(model.Transform(ml.Data.LoadFromEnumerable(Rows(task, userRows))));
    }

    private sealed class NameRow
    {
        public string Username { get; set; } = "";
        public bool Label { get; set; }
    }
}
