using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Generation;

/// <summary>
/// Picks the next token of every row from its logits: argmax at temperature 0, otherwise a draw from
/// softmax(logits / temperature) restricted to the smallest set of most likely tokens whose mass reaches top-p.
/// </summary>
public static class TokenSampler
{
    /// <summary><paramref name="logits"/> [batch, vocab] → token ids [batch] (int64).</summary>
    public static Tensor Next(Tensor logits, double temperature, double topP, Generator? generator)
    {
        if (temperature < 0 || double.IsNaN(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "must be 0 (greedy) or positive");
        if (!(topP > 0 && topP <= 1)) throw new ArgumentOutOfRangeException(nameof(topP), topP, "must be in (0, 1]");
        using var scope = NewDisposeScope();
        if (temperature == 0) return logits.argmax(-1).MoveToOuterDisposeScope();
        var probabilities = (logits.to_type(ScalarType.Float32) / temperature).softmax(-1);
        if (topP >= 1) return probabilities.multinomial(1, generator: generator).squeeze(-1).MoveToOuterDisposeScope();
        var (sorted, order) = probabilities.sort(-1, descending: true);
        // A token stays when the mass of the tokens before it is still short of top-p; the first always stays.
        var before = sorted.cumsum(-1) - sorted;
        sorted.masked_fill_(before.gt(topP), 0.0);
        var choice = sorted.multinomial(1, generator: generator);
        return order.gather(-1, choice).squeeze(-1).MoveToOuterDisposeScope();
    }
}
