using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines.Features;

/// <summary>
/// DeeProBot's network, small: word embeddings → LSTM over the description, mean-pooled over its words; the numeric
/// profile features through a linear layer; both concatenated → dense → one bot logit.
/// </summary>
internal sealed class DeeProBotNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear numeric;
    private readonly Linear hidden;
    private readonly Linear output;

    public DeeProBotNetwork(int vocabulary, int numericFeatures, int width) : base("deeprobot")
    {
        embedding = nn.Embedding(vocabulary, width, padding_idx: 0);
        lstm = nn.LSTM(width, width, batchFirst: true);
        numeric = nn.Linear(numericFeatures, width);
        hidden = nn.Linear(2 * width, width);
        output = nn.Linear(width, 1);
        RegisterComponents();
    }

    /// <param name="tokens">[batch, words] word ids, 0 = padding.</param>
    /// <param name="numbers">[batch, features] standardised numeric features.</param>
    public override Tensor forward(Tensor tokens, Tensor numbers)
    {
        // An explicit, disposed Scalar: an implicit one is unreachable while libtorch reads it, and a cresci-2015 sweep
        // once died in this call with libtorch reading a Scalar already freed by its finalizer.
        using var padding = 0.ToScalar();
        var mask = tokens.ne(padding).unsqueeze(-1).to_type(ScalarType.Float32);
        var (sequence, _, _) = lstm.forward(embedding.forward(tokens));
        // An empty description pools to zeros, not NaN.
        var text = (sequence * mask).sum(1) / mask.sum(1).clamp_min(1);
        var joined = cat([text, nn.functional.relu(numeric.forward(numbers))], 1);
        return output.forward(nn.functional.relu(hidden.forward(joined))).squeeze(-1);
    }
}
