namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// The step logic shared by every backend: a step is generated with the step end as stop string; a candidate whose
/// text closes the reasoning (<c>&lt;/think&gt;</c>) gets its answer in a second call that stops only at the end of
/// the turn (a newline delimiter would otherwise cut the answer at its first line break). A model that ends its turn
/// without closing the reasoning has answered: that text becomes the answer.
/// </summary>
public abstract class StepGeneratorBase : IStepGenerator
{
    /// <summary>Backend call: <paramref name="count"/> continuations of the assistant text <paramref name="assistantPrefix"/>
    /// replying to <paramref name="prompt"/>, each stopping at the first of <paramref name="stopStrings"/> or the end of the turn.</summary>
    protected abstract Task<IReadOnlyList<RawCompletion>> CompleteAsync(
        string prompt, string assistantPrefix, int count, IReadOnlyList<string> stopStrings, CancellationToken cancellation);

    public async Task<IReadOnlyList<StepCandidate>> ProposeAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default)
    {
        CheckOpen(prefix, count);
        var raw = await CompleteAsync(prefix.Prompt, prefix.RenderPrefix(), count, new[] { prefix.Format.StepEnd }, cancellation).ConfigureAwait(false);
        var candidates = new StepCandidate[raw.Count];
        var concluding = new List<int>();
        for (int i = 0; i < raw.Count; i++)
        {
            var text = raw[i].Text;
            int close = text.IndexOf(StepFormat.ThinkClose, StringComparison.Ordinal);
            if (close >= 0)
            {
                candidates[i] = new StepCandidate(prefix.Format.CleanStep(text[..close]), null, raw[i].GeneratedTokens);
                concluding.Add(i);
            }
            else if (raw[i].EndedTurn) candidates[i] = new StepCandidate("", text.Trim(), raw[i].GeneratedTokens);
            else candidates[i] = new StepCandidate(prefix.Format.CleanStep(text), null, raw[i].GeneratedTokens);
        }
        // Candidates that closed their reasoning get their answers, each after its own last step.
        foreach (var i in concluding)
        {
            var reasoning = candidates[i].ApplyTo(prefix);
            var answer = (await AnswerAsync(reasoning, 1, cancellation).ConfigureAwait(false))[0];
            candidates[i] = candidates[i] with { Answer = answer.Answer, GeneratedTokens = candidates[i].GeneratedTokens + answer.GeneratedTokens };
        }
        return candidates;
    }

    public async Task<IReadOnlyList<StepCandidate>> AnswerAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default)
    {
        CheckOpen(prefix, count);
        var raw = await CompleteAsync(prefix.Prompt, prefix.RenderPrefix() + StepFormat.ThinkClose, count, Array.Empty<string>(), cancellation).ConfigureAwait(false);
        return raw.Select(r => new StepCandidate("", r.Text, r.GeneratedTokens)).ToArray();
    }

    public async Task<IReadOnlyList<TraceCompletion>> FinishAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default)
    {
        CheckOpen(prefix, count);
        var start = prefix.RenderPrefix();
        var raw = await CompleteAsync(prefix.Prompt, start, count, Array.Empty<string>(), cancellation).ConfigureAwait(false);
        return raw.Select(r =>
        {
            var trace = ReasoningTrace.Parse(prefix.Prompt, start + r.Text, prefix.Format);
            if (trace.IsConcluded) return new TraceCompletion(trace, r.GeneratedTokens);
            // As in ProposeAsync, a turn that ends inside the reasoning answered with its last new piece; a sample cut
            // off by the token limit has not answered at all, so its answer is empty.
            return r.EndedTurn && trace.Steps.Count > prefix.Steps.Count
                ? new TraceCompletion(trace.TruncateAfter(trace.Steps.Count - 2).Conclude(trace.Steps[^1]), r.GeneratedTokens)
                : new TraceCompletion(trace.Conclude(""), r.GeneratedTokens);
        }).ToArray();
    }

    private static void CheckOpen(ReasoningTrace prefix, int count)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (prefix.IsConcluded) throw new InvalidOperationException("The trace already has an answer; truncate or edit it before generating more.");
    }
}
