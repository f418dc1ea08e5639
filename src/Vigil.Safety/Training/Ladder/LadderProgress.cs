namespace Vigil.Safety.Training.Ladder;

/// <summary>Where a ladder stage stands at the end of a run.</summary>
public enum StageStatus
{
    Pending,
    Skipped,
    Completed,
    Interrupted,
}

/// <summary>One stage's outcome: steps done of its total, its final policy directory once complete, its JSONL log.</summary>
public sealed record StageOutcome(string Name, StageKind Kind, StageStatus Status, int Steps, int TotalSteps, string? FinalPolicy, string Log);

/// <summary>The outcome of <see cref="LadderRunner.Run"/>: complete when every stage is.</summary>
public sealed record LadderOutcome(string Name, string OutputDirectory, bool Completed, IReadOnlyList<StageOutcome> Stages);

/// <summary>A finished step, for progress display: the stage, its step and the step's log record (SftStepLog or GrpoStepLog).</summary>
public sealed record LadderStepEvent(string Stage, int Step, int TotalSteps, object Log);

/// <summary>The ladder's between-stage state on disk: which stages finished, in order.</summary>
public sealed record LadderState(string Name, IReadOnlyList<string> Completed);
