using Vigil.Bots.Benchmark;
using Vigil.Graphs.Nn.Models;
using Vigil.Graphs.Training;

namespace Vigil.Bots.Baselines.Graph;

/// <summary>
/// The text- and graph-family baselines of TwiBot-22 that Vigil runs, each with its paper's architecture on the
/// BotRGCN feature blocks. Training budget (all): at most 150 epochs, patience 30 on validation accuracy.
/// </summary>
public static class NeuralBaselines
{
    private static TrainerOptions Adam(double lr = 1e-2, double weightDecay = 5e-4) =>
        new() { Epochs = 150, Patience = 30, LearningRate = lr, WeightDecay = weightDecay };

    /// <summary>Frozen sentence-encoder embeddings of description and tweets → MLP (the framework's RoBERTa/T5 baselines).</summary>
    public static IBotDetector Roberta() => new NeuralBaseline("RoBERTa", "Liu et al. 2019, RoBERTa (frozen encoder embeddings of description and tweets → MLP, as TwiBot-22 runs it)",
        DetectorFamily.Text, "mlp", new ModelOptions { Layers = 2, Hidden = 128, Dropout = 0.3 }, Adam(),
        UserFeatureBlocks.Text, UserGraphView.None);

    public static IBotDetector Gcn() => new NeuralBaseline("GCN", "Kipf & Welling 2017, Semi-supervised classification with graph convolutional networks (ICLR)",
        DetectorFamily.Graph, "gcn", new ModelOptions { Layers = 2, Hidden = 128, Dropout = 0.3 }, Adam(),
        UserFeatureBlocks.All, UserGraphView.Union);

    public static IBotDetector Gat() => new NeuralBaseline("GAT", "Veličković et al. 2018, Graph attention networks (ICLR)",
        DetectorFamily.Graph, "gat", new ModelOptions { Layers = 2, Hidden = 16, Heads = 4, OutputHeads = 1, Dropout = 0.3, AttentionDropout = 0.1 }, Adam(),
        UserFeatureBlocks.All, UserGraphView.Union);

    /// <summary>GCN on five profile features (Alhosseini et al.: age, statuses, followers, friends, name length here).</summary>
    public static IBotDetector Alhosseini() => new NeuralBaseline("Alhosseini", "Alhosseini et al. 2019, Detect me if you can: spam bot detection using inductive representation learning (WWW companion)",
        DetectorFamily.Graph, "gcn", new ModelOptions { Layers = 2, Hidden = 32, Dropout = 0.3 }, Adam(),
        UserFeatureBlocks.Numeric, UserGraphView.Union);

    public static IBotDetector BotRgcn() => new NeuralBaseline("BotRGCN", "Feng et al. 2021, BotRGCN: Twitter bot detection with relational graph convolutional networks (ASONAM)",
        DetectorFamily.Graph, "botrgcn", new ModelOptions { Layers = 2, Hidden = 32, Dropout = 0.1 },
        Adam(1e-2, 5e-2) with { DecoupledWeightDecay = true },
        UserFeatureBlocks.All, UserGraphView.Relational, branchedInput: true);

    public static IBotDetector Rgt() => new NeuralBaseline("RGT", "Feng et al. 2022, Heterogeneity-aware Twitter bot detection with relational graph transformers (AAAI)",
        DetectorFamily.Graph, "rgt", new ModelOptions { Layers = 2, Hidden = 64, Heads = 2, OutputHeads = 2, Dropout = 0.3 },
        // RGT's 1e-3 rarely stopped early within 150 epochs (68 s a run on 3,000 users); 5e-3 converges in fewer.
        Adam(5e-3, 3e-5) with { DecoupledWeightDecay = true, Epochs = 100, Patience = 20 },
        UserFeatureBlocks.All, UserGraphView.Relational, branchedInput: true);

    public static IBotDetector SimpleHgn() => new NeuralBaseline("SimpleHGN", "Lv et al. 2021, Are we really making much progress? Revisiting, benchmarking, and refining heterogeneous graph neural networks (KDD)",
        DetectorFamily.Graph, "simplehgn", new ModelOptions { Layers = 2, Hidden = 64, Heads = 4, Dropout = 0.3 }, Adam(5e-3),
        UserFeatureBlocks.All, UserGraphView.Relational, branchedInput: true);

    public static IBotDetector Hgt() => new NeuralBaseline("HGT", "Hu et al. 2020, Heterogeneous graph transformer (WWW)",
        DetectorFamily.Graph, "hgt", new ModelOptions { Layers = 2, Hidden = 64, Heads = 4, Dropout = 0.3 }, Adam(5e-3),
        UserFeatureBlocks.All, UserGraphView.Relational, branchedInput: true);
}
