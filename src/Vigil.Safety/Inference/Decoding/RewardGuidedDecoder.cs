using Vigil.Safety.Policy;
using static TorchSharp.torch;

namespace Vigil.Safety.Inference.Decoding;

/// <summary>
/// Reward-guided decoding for an in-process model (see <see cref="RewardGuidedOptions"/>). The prompt text is encoded
/// as given (apply the chat template first); generation stops at the end-of-sequence token, a stop string (kept in
/// the text) or the token limit. Each position costs one forward pass and one batch of k values.
/// </summary>
public sealed class RewardGuidedDecoder
{
    private readonly ICausalLanguageModel _model;
    private readonly ITextTokenizer _tokenizer;
    private readonly IPrefixScorer _value;
    private readonly RewardGuidedOptions _options;

    public RewardGuidedDecoder(ICausalLanguageModel model, ITextTokenizer tokenizer, IPrefixScorer value, RewardGuidedOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _value = value ?? throw new ArgumentNullException(nameof(value));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
    }

    /// <summary>Values requested so far (one per candidate token scored).</summary>
    public long ValueCalls { get; private set; }

    /// <param name="prompt">the model's input text</param>
    /// <param name="valuePrompt">the prompt the value function judges against (the user's message); default <paramref name="prompt"/></param>
    public GeneratedSequence Generate(string prompt, string? valuePrompt = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        valuePrompt ??= prompt;
        var promptIds = _tokenizer.Encode(prompt).ToArray();
        if (promptIds.Length == 0) throw new ArgumentException("The prompt encodes to no tokens; give the model something to continue.", nameof(prompt));
        var completion = new List<int>();
        var random = new Random(_options.Seed);
        var text = "";
        _model.Module.eval();
        for (int step = 0; step < _options.MaxNewTokens; step++)
        {
            var (tokens, logProbs) = TopNext(promptIds.Concat(completion).ToArray());
            var partials = tokens.Select(t => _tokenizer.Decode(completion.Append(t), skipSpecialTokens: true)).ToArray();
            var values = _value.Score(valuePrompt, partials);
            if (values.Count != tokens.Length) throw new InvalidOperationException($"The value function returned {values.Count} values for {tokens.Length} candidates.");
            ValueCalls += tokens.Length;
            var scores = tokens.Select((_, i) => logProbs[i] + _options.ValueWeight * values[i]).ToArray();
            int pick = _options.Temperature == 0 ? ArgMax(scores) : Sample(scores, _options.Temperature, random);
            completion.Add(tokens[pick]);
            if (tokens[pick] == _tokenizer.EndOfSequenceId)
                return new GeneratedSequence(promptIds, completion.ToArray(), _tokenizer.Decode(completion, skipSpecialTokens: true), FinishReason.Stop);
            text = _tokenizer.Decode(completion);
            foreach (var stop in _options.StopStrings)
            {
                int at = text.IndexOf(stop, StringComparison.Ordinal);
                if (at >= 0) return new GeneratedSequence(promptIds, completion.ToArray(), text[..(at + stop.Length)], FinishReason.Stop);
            }
        }
        return new GeneratedSequence(promptIds, completion.ToArray(), text, FinishReason.Length);
    }

    /// <summary>The k most likely next tokens after <paramref name="ids"/> and their log-probabilities.</summary>
    private (int[] Tokens, double[] LogProbs) TopNext(int[] ids)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(ids.Select(i => (long)i).ToArray(), new long[] { 1, ids.Length }, dtype: ScalarType.Int64);
        var logits = _model.Logits(input)[0, ids.Length - 1].to_type(ScalarType.Float64);
        var logProbs = nn.functional.log_softmax(logits, 0);
        int k = (int)Math.Min(_options.TopK, logProbs.shape[0]);
        var (values, indices) = logProbs.topk(k);
        return (indices.data<long>().Select(i => (int)i).ToArray(), values.data<double>().ToArray());
    }

    private static int ArgMax(double[] scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    private static int Sample(double[] scores, double temperature, Random random)
    {
        double max = scores.Max();
        var weights = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        double u = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++) { u -= weights[i]; if (u <= 0) return i; }
        return weights.Length - 1;
    }
}
