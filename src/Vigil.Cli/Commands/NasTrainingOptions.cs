using System.CommandLine;
using Vigil.Nas.Genotypes;
using Vigil.Nas.Loss;
using Vigil.Nas.Operations;
using Vigil.Nas.Training;

namespace Vigil.Cli.Commands;

/// <summary>The options every <c>vigil nas</c> command that retrains a genotype shares, and their translation.</summary>
internal sealed class NasTrainingOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Graph .npz file (Planetoid/gnn-benchmark keys). Default: the built-in generated graph (a contextual SBM, deterministic by --seed)." };
    public Option<int> Hidden { get; } = new("--hidden") { Description = "Hidden width of every block.", DefaultValueFactory = _ => 64 };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most retraining epochs per seed.", DefaultValueFactory = _ => 400 };
    public Option<int> Patience { get; } = new("--patience") { Description = "Stop retraining after this many epochs without a better validation score or loss.", DefaultValueFactory = _ => 100 };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Adam learning rate of the retraining.", DefaultValueFactory = _ => 0.005 };
    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "L2 weight decay of the retraining.", DefaultValueFactory = _ => 5e-4 };
    public Option<double?> DenseWeightDecay { get; } = new("--dense-weight-decay") { Description = "Weight decay of the stem and the classifier; --weight-decay then applies to the cells only (GCNII's split: 0.01 on the layers, 5e-4 dense). Default: --weight-decay everywhere." };
    public Option<double> Dropout { get; } = new("--dropout") { Description = "Dropout before every convolution operation (GraTO: 0.6, which on Cora cost about 3 points of test accuracy; see docs/nas.md).", DefaultValueFactory = _ => 0.2 };
    public Option<double> InputDropout { get; } = new("--input-dropout") { Description = "Dropout on the input features and before the classifier, in the search network and the retrained one.", DefaultValueFactory = _ => 0.5 };
    public Option<string> PairNorm { get; } = new("--pairnorm") { Description = "PairNorm after every convolution operation: none, pn, pn-si, pn-scs.", DefaultValueFactory = _ => "pn-si" };
    public Option<string> NodeReduction { get; } = new("--node-reduction") { Description = "How every intermediate node of the retrained cell joins its edges: sum (DARTS, GraTO) or mean (keeps the scale of deep weight-free stacks without PairNorm; see docs/nas.md). The search always sums.", DefaultValueFactory = _ => "sum" };
    public Option<double> Smoothness { get; } = new("--smoothness") { Description = "Weight of the smoothness term (GraTO's α; 1 lets the drop operations dominate the search).", DefaultValueFactory = _ => 0.1 };
    public Option<string> SelectionMad { get; } = new("--selection-mad") { Description = "Whose validation MAD the selection score (harmonic mean with macro-F1) uses: hidden (last block) or logits; none selects on validation macro-F1 alone.", DefaultValueFactory = _ => "hidden" };
    public Option<int> Seed { get; } = new("--seed") { Description = "First seed: of the search, the generated graph and the first retraining.", DefaultValueFactory = _ => 0 };
    public Option<int> Seeds { get; } = new("--seeds") { Description = "Retrain with this many seeds (--seed, --seed+1, …) and report mean ± std.", DefaultValueFactory = _ => 5 };
    public Option<string> Normalize { get; } = new("--normalize-features") { Description = "Row-normalise features: auto (when all are non-negative), on, off.", DefaultValueFactory = _ => "auto" };
    public Option<double> MemoryLimitGb { get; } = new("--memory-limit-gb") { Description = "Refuse a graph whose estimated full-batch activations exceed this many GiB.", DefaultValueFactory = _ => FullBatchLimit.DefaultMaxBytes / (double)(1L << 30) };
    public Option<bool> Json { get; } = new("--json") { Description = "Write the result as one JSON object on stdout." };

    public NasTrainingOptions()
    {
        PairNorm.AcceptOnlyFromAmong("none", "pn", "pn-si", "pn-scs");
        Normalize.AcceptOnlyFromAmong("auto", "on", "off");
        SelectionMad.AcceptOnlyFromAmong("hidden", "logits", "none");
        NodeReduction.AcceptOnlyFromAmong("sum", "mean");
    }

    public IEnumerable<Option> All => [Data, Hidden, Epochs, Patience, LearningRate, WeightDecay, DenseWeightDecay, Dropout, InputDropout, PairNorm, NodeReduction, Smoothness,
        SelectionMad, Seed, Seeds, Normalize, MemoryLimitGb, Json];

    public OperationOptions Operations(ParseResult parse) => new()
    {
        Dropout = parse.GetValue(Dropout),
        PairNorm = GraphTrainCommand.ParsePairNorm(parse.GetValue(PairNorm)!),
    };

    public long MaxBytes(ParseResult parse) => (long)(parse.GetValue(MemoryLimitGb) * (1L << 30));

    public GenotypeTrainingOptions Training(ParseResult parse, int blocks)
    {
        double inputDropout = parse.GetValue(InputDropout);
        return new GenotypeTrainingOptions
        {
            Network = new GenotypeNetworkOptions
            {
                Blocks = blocks, Hidden = parse.GetValue(Hidden), Operations = Operations(parse),
                InputDropout = inputDropout, OutputDropout = inputDropout,
                NodeReduction = parse.GetValue(NodeReduction) == "mean" ? Vigil.Nas.Cells.NodeReduction.Mean : Vigil.Nas.Cells.NodeReduction.Sum,
            },
            Epochs = parse.GetValue(Epochs),
            Patience = parse.GetValue(Patience),
            LearningRate = parse.GetValue(LearningRate),
            WeightDecay = parse.GetValue(WeightDecay),
            DenseWeightDecay = parse.GetValue(DenseWeightDecay),
            Smoothness = new SmoothnessOptions { Weight = parse.GetValue(Smoothness) },
            MaxActivationBytes = MaxBytes(parse),
            SelectionRepresentation = parse.GetValue(SelectionMad) switch { "logits" => SelectionRepresentation.Logits, "none" => SelectionRepresentation.None, _ => SelectionRepresentation.Hidden },
        };
    }

    public int[] SeedList(ParseResult parse)
    {
        int first = parse.GetValue(Seed), count = parse.GetValue(Seeds);
        if (count < 1) throw new ArgumentException($"--seeds must be at least 1, got {count}.");
        return Enumerable.Range(first, count).ToArray();
    }
}
