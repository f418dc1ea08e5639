using Vigil.Core.Metrics;
using System.Text.Json;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Search;
using Vigil.Nas.Training;

namespace Vigil.Cli.Commands;

/// <summary>One retraining seed in the JSON output of <c>vigil nas search</c> and <c>vigil nas train</c>.</summary>
public sealed record NasSeedDocument(int Seed, double TestAccuracy, double TestMacroF1, double ValAccuracy, double ValScore,
    double Mad, double MadGap, int BestEpoch, int EpochsRun, double Seconds, string? ModelFile)
{
    public static NasSeedDocument From(GenotypeTrainingResult r, string? modelFile) => new(r.Seed, r.Test.Accuracy, r.Test.MacroF1,
        r.Validation.Accuracy, r.ValidationScore, r.Mad, r.MadGap, r.BestEpoch, r.EpochsRun, r.Seconds, modelFile);
}

/// <summary>The search itself: its epochs, the selected epoch's validation numbers, timings and the candidates.</summary>
public sealed record NasSearchDocument(int Blocks, int Steps, int Epochs, int BestEpoch, double ValScore, double ValMacroF1,
    double ValMad, double Seconds, double MedianEpochMs, string Order, IReadOnlyList<string> Operations)
{
    public static NasSearchDocument From(SearchResult r, SearchOptions o, double seconds) => new(o.Network.Blocks, o.Network.Steps,
        o.Epochs, r.BestEpoch, r.BestScore, r.BestValidationMacroF1, r.BestValidationMad, seconds, r.MedianEpochMilliseconds,
        o.Architect.Gradient == ArchitectureGradient.FirstOrder ? "first" : "second", r.Operations);
}

/// <summary>
/// The JSON shape of a searched-or-loaded genotype retrained with several seeds (stable: scripts read
/// <c>test_accuracy.mean</c> and friends). <see cref="Search"/> is null for <c>vigil nas train</c>. <see cref="ValAccuracy"/>
/// is there to compare retraining settings on validation, not on test.
/// </summary>
public sealed record NasResultDocument(
    string Dataset, int Layers, int Hidden, JsonElement Genotype, string? GenotypeFile, NasSearchDocument? Search,
    MeanStd TestAccuracy, MeanStd TestMacroF1, MeanStd Mad, MeanStd MadGap, IReadOnlyList<NasSeedDocument> Seeds,
    MeanStd ValAccuracy)
{
    public static NasResultDocument From(string dataset, GenotypeTrainingOptions options, Genotype genotype, string? genotypeFile,
        NasSearchDocument? search, IReadOnlyList<NasSeedDocument> seeds) => new(
        dataset, options.Network.Blocks, options.Network.Hidden, JsonDocument.Parse(genotype.ToJson()).RootElement.Clone(), genotypeFile, search,
        MeanStd.Of(seeds.Select(s => s.TestAccuracy)), MeanStd.Of(seeds.Select(s => s.TestMacroF1)),
        MeanStd.Of(seeds.Select(s => s.Mad)), MeanStd.Of(seeds.Select(s => s.MadGap)), seeds,
        MeanStd.Of(seeds.Select(s => s.ValAccuracy)));
}
