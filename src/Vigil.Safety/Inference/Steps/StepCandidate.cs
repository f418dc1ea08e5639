namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// One proposed continuation of a trace: the next <see cref="Step"/> (empty when the model went straight to its
/// answer), and <see cref="Answer"/> when the model closed its reasoning and answered (the turn is then over).
/// <see cref="GeneratedTokens"/> counts every token sampled to make it, the answer's included.
/// </summary>
public sealed record StepCandidate(string Step, string? Answer, int GeneratedTokens)
{
    public bool Concludes => Answer is not null;

    /// <summary>The trace with this candidate applied (an empty step is not appended).</summary>
    public ReasoningTrace ApplyTo(ReasoningTrace prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var trace = Step.Length > 0 ? prefix.Append(Step) : prefix;
        return Answer is { } answer ? trace.Conclude(answer) : trace;
    }
}
