namespace Vigil.Graphs.Nn.Models;

/// <summary>
/// Each model's published setting for Planetoid Cora. GraphSAGE, GIN and the MLP baseline were not published
/// with a Planetoid setup, so they take GCN's (2 layers, 16 hidden, dropout 0.5).
/// </summary>
public static class PaperDefaults
{
    public static ModelOptions For(string model) => model switch
    {
        // Kipf & Welling 2017.
        "gcn" => new() { Layers = 2, Hidden = 16, Dropout = 0.5 },
        // Veličković et al. 2018: 8 heads × 8 features, ELU, dropout 0.6 on inputs and attention, 1 output head on Cora.
        "gat" => new() { Layers = 2, Hidden = 8, Heads = 8, OutputHeads = 1, Dropout = 0.6, AttentionDropout = 0.6 },
        "sage" or "sage-max" or "gin" or "mlp" => new() { Layers = 2, Hidden = 16, Dropout = 0.5 },
        // Wu et al. 2019: K = 2, one linear layer, no dropout.
        "sgc" => new() { K = 2, Dropout = 0.0 },
        // Klicpera et al. 2019: MLP with one 64-unit hidden layer, K = 10, α = 0.1, dropout 0.5 on features and adjacency.
        "appnp" => new() { Layers = 2, Hidden = 64, Dropout = 0.5, EdgeDropout = 0.5, K = 10, Alpha = 0.1 },
        // Chen et al. 2020: 64 layers, 64 hidden, α = 0.1, λ = 0.5, dropout 0.6.
        "gcnii" => new() { Layers = 64, Hidden = 64, Alpha = 0.1, Lambda = 0.5, Dropout = 0.6 },
        // Thekumparampil et al. 2018: 16-unit embedding, 4 propagation layers on the citation graphs, dropout 0.5.
        "agnn" => new() { Layers = 4, Hidden = 16, Dropout = 0.5 },
        // Schlichtkrull et al. 2018 (entity classification): 2 layers, 16 hidden, no dropout.
        "rgcn" => new() { Layers = 2, Hidden = 16, Dropout = 0.0 },
        // Feng et al. 2021 (BotRGCN): hidden 32, two R-GCN layers, dropout 0.1.
        "botrgcn" => new() { Layers = 2, Hidden = 32, Dropout = 0.1 },
        // The relational transformers as the TwiBot-22 framework runs them on user graphs (2 layers, LeakyReLU MLP
        // around them). RGT: 8 transformer heads, 8 semantic heads (OutputHeads carries the semantic heads).
        "rgt" => new() { Layers = 2, Hidden = 128, Heads = 8, OutputHeads = 8, Dropout = 0.3, AttentionDropout = 0.0 },
        // Simple-HGN: 8 heads concatenated, edge-type embeddings of 64, residual attention β = 0.05.
        "simplehgn" => new() { Layers = 2, Hidden = 64, Heads = 8, Dropout = 0.3, AttentionDropout = 0.0 },
        // HGT: 4 heads.
        "hgt" => new() { Layers = 2, Hidden = 64, Heads = 4, Dropout = 0.3, AttentionDropout = 0.0 },
        _ => throw new ArgumentException($"Unknown model '{model}'; known: {string.Join(", ", NodeModels.Names)}."),
    };
}
