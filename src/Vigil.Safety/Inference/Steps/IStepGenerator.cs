namespace Vigil.Safety.Inference.Steps;

/// <summary>
/// Generates reasoning one step at a time from any prefix (edited or not): k candidates for the next step, answers
/// after closing the reasoning, or a whole continuation to the end of the turn.
/// </summary>
public interface IStepGenerator
{
    /// <summary><paramref name="count"/> candidates for the step after <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<StepCandidate>> ProposeAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default);

    /// <summary><paramref name="count"/> answers after closing the reasoning of <paramref name="prefix"/> as it stands.</summary>
    Task<IReadOnlyList<StepCandidate>> AnswerAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default);

    /// <summary><paramref name="count"/> free continuations of <paramref name="prefix"/> to the end of the turn, read back as traces.</summary>
    Task<IReadOnlyList<TraceCompletion>> FinishAsync(ReasoningTrace prefix, int count, CancellationToken cancellation = default);
}

/// <summary>A trace generated to its end and the tokens that took.</summary>
public sealed record TraceCompletion(ReasoningTrace Trace, int GeneratedTokens);
