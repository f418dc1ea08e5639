using Vigil.Safety.Inference.Steps;

namespace Vigil.Safety.Inference.Interactive;

/// <summary>
/// Human-in-the-loop reasoning: the model proposes the next step, the person accepts it, corrects it, writes their
/// own, or replaces any earlier step (later steps are dropped), and generation resumes from the trace as it now
/// stands. Every change is kept in <see cref="Edits"/> and, when a log is given, appended to it at once.
/// </summary>
public sealed class InteractiveSession
{
    private readonly IStepGenerator _generator;
    private readonly EditLog? _log;
    private readonly TimeProvider _clock;
    private readonly List<EditRecord> _edits = new();

    public InteractiveSession(IStepGenerator generator, string prompt, StepFormat? format = null, EditLog? log = null, TimeProvider? clock = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        Trace = new ReasoningTrace(prompt, format: format);
        _log = log;
        _clock = clock ?? TimeProvider.System;
    }

    public ReasoningTrace Trace { get; private set; }
    public IReadOnlyList<EditRecord> Edits => _edits;
    public long GeneratedTokens { get; private set; }
    public bool IsFinished => Trace.IsConcluded;

    /// <summary>Proposals for the next step (or the answer, when the model concludes) from the current trace.</summary>
    public async Task<IReadOnlyList<StepCandidate>> ProposeAsync(int count = 1, CancellationToken cancellation = default)
    {
        var proposals = await _generator.ProposeAsync(Trace, count, cancellation).ConfigureAwait(false);
        GeneratedTokens += proposals.Sum(p => (long)p.GeneratedTokens);
        return proposals;
    }

    /// <summary>Makes the model answer now, closing the reasoning as it stands.</summary>
    public async Task<StepCandidate> ProposeAnswerAsync(CancellationToken cancellation = default)
    {
        var answer = (await _generator.AnswerAsync(Trace, 1, cancellation).ConfigureAwait(false))[0];
        GeneratedTokens += answer.GeneratedTokens;
        return answer;
    }

    public void Accept(StepCandidate proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        CheckOpen();
        Trace = proposal.ApplyTo(Trace);
    }

    /// <summary>Accepts a proposal with its text corrected: the step's, or the answer's when the proposal concludes.</summary>
    public void AcceptEdited(StepCandidate proposal, string text)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(text);
        CheckOpen();
        if (proposal.Concludes)
        {
            var withStep = proposal.Step.Length > 0 ? Trace.Append(proposal.Step) : Trace;
            Trace = withStep.Conclude(text);
            Log(null, EditKind.EditAnswer, proposal.Answer!, text);
            return;
        }
        Trace = Trace.Append(text);
        Log(Trace.Steps.Count - 1, EditKind.Edit, proposal.Step, Trace.Steps[^1]);
    }

    /// <summary>Adds a step the person wrote.</summary>
    public void Insert(string text)
    {
        CheckOpen();
        Trace = Trace.Append(text);
        Log(Trace.Steps.Count - 1, EditKind.Insert, "", Trace.Steps[^1]);
    }

    /// <summary>Corrects step <paramref name="index"/> (0-based); later steps and any answer are dropped.</summary>
    public void Edit(int index, string text) => Change(index, text, EditKind.Edit);

    /// <summary>Replaces step <paramref name="index"/> (0-based) with new text; later steps and any answer are dropped.</summary>
    public void Replace(int index, string text) => Change(index, text, EditKind.Replace);

    private void Change(int index, string text, EditKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = index >= 0 && index < Trace.Steps.Count ? Trace.Steps[index] : "";
        Trace = Trace.ReplaceStep(index, text);
        Log(index, kind, before, Trace.Steps[index]);
    }

    private void CheckOpen()
    {
        if (Trace.IsConcluded) throw new InvalidOperationException("The trace already has an answer; edit or replace a step to reopen it.");
    }

    private void Log(int? step, EditKind kind, string before, string after)
    {
        var record = new EditRecord(_clock.GetUtcNow(), Trace.Prompt, step, kind, before, after);
        _edits.Add(record);
        _log?.Append(record);
    }
}
