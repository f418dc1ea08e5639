using Vigil.Safety.Policy;
using Vigil.Safety.Verification;
using static TorchSharp.torch;

namespace Vigil.Safety.Inference.Decoding;

/// <summary>
/// A trained prefix value model: a linear head over the policy's final hidden state at the last token of
/// (chat-templated prompt + partial response), trained to predict the final verdict of the whole response from any
/// prefix of it; value = σ(head). The policy stays frozen; its hidden states are the features. As an
/// <see cref="IVerifier"/> (name <c>prefix_value</c>) it joins trace scoring; as an <see cref="IPrefixScorer"/> it
/// guides token-level decoding at the cost of one forward pass per partial.
/// </summary>
public sealed class PrefixValueModel : IPrefixScorer, IVerifier, IDisposable
{
    public const string VerifierName = "prefix_value";

    private readonly ICausalLanguageModel _model;
    private readonly ITextTokenizer _tokenizer;
    private readonly ChatTemplate _template;
    private readonly nn.Module<Tensor, Tensor> _head;

    private PrefixValueModel(ICausalLanguageModel model, ITextTokenizer tokenizer, ChatTemplate template, nn.Module<Tensor, Tensor> head)
    {
        _model = model;
        _tokenizer = tokenizer;
        _template = template;
        _head = head;
    }

    public string Name => VerifierName;

    public static PrefixValueModel Train(ICausalLanguageModel model, ITextTokenizer tokenizer, ChatTemplate template,
        IReadOnlyList<PrefixValueExample> examples, PrefixValueTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0) throw new ArgumentException("Training the prefix value model needs examples.", nameof(examples));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PrefixesPerExample, 1);
        var prompts = new List<string>();
        var partials = new List<string>();
        var targets = new List<float>();
        for (int e = 0; e < examples.Count; e++)
        {
            var example = examples[e];
            if (!(example.FinalScore >= 0 && example.FinalScore <= 1)) throw new ArgumentException($"Example {e} has final score {example.FinalScore}; scores lie in [0, 1].");
            var ids = tokenizer.Encode(example.Response);
            for (int c = 1; c <= options.PrefixesPerExample; c++)
            {
                int cut = (int)Math.Round((double)ids.Count * c / options.PrefixesPerExample);
                prompts.Add(example.Prompt);
                partials.Add(tokenizer.Decode(ids.Take(cut)));
                targets.Add((float)example.FinalScore);
            }
        }
        using var features = Features(model, tokenizer, template, prompts, partials);
        manual_seed(options.Seed);
        var head = nn.Linear(features.shape[1], 1);
        using var y = tensor(targets.ToArray());
        var optimizer = optim.AdamW(head.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(head.forward(features).squeeze(1), y);
            loss.backward();
            optimizer.step();
        }
        head.eval();
        return new PrefixValueModel(model, tokenizer, template, head);
    }

    /// <summary>The value σ(head(h)) of each partial response to <paramref name="prompt"/>.</summary>
    public IReadOnlyList<double> Score(string prompt, IReadOnlyList<string> partialResponses)
    {
        ArgumentNullException.ThrowIfNull(partialResponses);
        if (partialResponses.Count == 0) return Array.Empty<double>();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = Features(_model, _tokenizer, _template, Enumerable.Repeat(prompt, partialResponses.Count).ToArray(), partialResponses);
        return sigmoid(_head.forward(features).squeeze(1)).to_type(ScalarType.Float64).data<double>().ToArray();
    }

    public Task<IReadOnlyList<Verdict>> VerifyAsync(IReadOnlyList<VerificationInput> batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var verdicts = new Verdict[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            double v = Score(batch[i].Prompt, new[] { batch[i].Response })[0];
            verdicts[i] = Verdict.Of(v, v >= 0.5 ? "good" : "bad", $"predicted final score {v:F3}");
        }
        return Task.FromResult<IReadOnlyList<Verdict>>(verdicts);
    }

    /// <summary>Final hidden state at the last token of each templated (prompt, partial) pair, one sequence at a time (no padding to get wrong).</summary>
    private static Tensor Features(ICausalLanguageModel model, ITextTokenizer tokenizer, ChatTemplate template, IReadOnlyList<string> prompts, IReadOnlyList<string> partials)
    {
        using var noGrad = no_grad();
        model.Module.eval();
        var rows = new List<Tensor>();
        using (var scope = NewDisposeScope())
        {
            for (int i = 0; i < prompts.Count; i++)
            {
                var ids = tokenizer.Encode(template.Prompt(prompts[i]) + partials[i]).Select(t => (long)t).ToArray();
                if (ids.Length == 0) throw new ArgumentException($"Item {i}: the templated prompt encodes to no tokens.");
                var hidden = model.HiddenStates(tensor(ids, new long[] { 1, ids.Length }));
                rows.Add(hidden[0, ids.Length - 1].to_type(ScalarType.Float32));
            }
            return stack(rows).MoveToOuterDisposeScope();
        }
    }

    public void Dispose() => _head.Dispose();
}
