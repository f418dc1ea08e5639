using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Bots.Benchmark;
using Vigil.Nas.Genotypes;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>A retrained GraTO genotype: bot probabilities of every user, depth, test MAD, and the derived genotype.</summary>
public sealed class FittedGraTo(double[] botProbability, int layers, double mad, Genotype genotype, int searchEpoch,
    int retrainedEpoch, int retrainingEpochs)
    : IFittedBotDetector, IReportsSmoothness, IReportsFittedConfig
{
    public double Threshold => 0.5;
    public int Layers => layers;
    public double Mad => mad;
    public Genotype Genotype => genotype;
    /// <summary>The search epoch whose genotype was kept (best validation score).</summary>
    public int SearchEpoch => searchEpoch;
    /// <summary>The retraining epoch kept (best validation score) and how many epochs the retraining ran.</summary>
    public int RetrainedEpoch => retrainedEpoch;
    public int RetrainingEpochs => retrainingEpochs;

    public string FittedConfig => new JsonObject
    {
        ["genotype"] = JsonNode.Parse(genotype.ToJson()),
        ["genotype_text"] = genotype.ToString(),
        ["search_epoch"] = searchEpoch,
        ["retrained_epoch"] = retrainedEpoch,
        ["retraining_epochs"] = retrainingEpochs,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public double[] Score(int[] userRows) => userRows.Select(r => botProbability[r]).ToArray();
}
