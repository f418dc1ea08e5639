using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines.Text;

/// <summary>
/// Wei &amp; Nguyen's network, small, at user level: word embeddings → a bidirectional LSTM over each tweet's words →
/// additive attention over every word position of the user's tweets (padding masked) → dropout → one bot logit.
/// A user without tweets pools to zeros, so its logit is the output bias.
/// </summary>
internal sealed class WeiNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear attention;
    private readonly Linear context;
    private readonly Dropout dropout;
    private readonly Linear output;

    public WeiNetwork(int vocabulary, int embeddingWidth, int hidden, double dropoutRate) : base("wei")
    {
        embedding = nn.Embedding(vocabulary, embeddingWidth, padding_idx: 0);
        lstm = nn.LSTM(embeddingWidth, hidden, batchFirst: true, bidirectional: true);
        attention = nn.Linear(2 * hidden, 2 * hidden);
        context = nn.Linear(2 * hidden, 1, hasBias: false);
        dropout = nn.Dropout(dropoutRate);
        output = nn.Linear(2 * hidden, 1);
        RegisterComponents();
    }

    /// <param name="tokens">[users, tweets, words] word ids, 0 = padding.</param>
    public override Tensor forward(Tensor tokens)
    {
        long users = tokens.shape[0], positions = tokens.shape[1] * tokens.shape[2];
        var (sequence, _, _) = lstm.forward(embedding.forward(tokens.reshape(users * tokens.shape[1], tokens.shape[2])));
        sequence = sequence.reshape(users, positions, -1);
        using var padding = 0.ToScalar(); // kept alive through the call (see DeeProBotNetwork)
        var mask = tokens.reshape(users, positions).ne(padding);
        var scores = context.forward(attention.forward(sequence).tanh()).squeeze(-1).masked_fill(mask.logical_not(), -1e9);
        // Softmax over a user's words; the mask zeroes the uniform weights of a user with none.
        var weights = scores.softmax(1) * mask.to_type(ScalarType.Float32);
        var pooled = (weights.unsqueeze(-1) * sequence).sum(1);
        return output.forward(dropout.forward(pooled)).squeeze(-1);
    }
}
