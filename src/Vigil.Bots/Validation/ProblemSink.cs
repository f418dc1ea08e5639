namespace Vigil.Bots.Validation;

/// <summary>
/// Where the reader sends each problem: it is counted in the report with the policy's action, and an
/// <see cref="ProblemAction.Error"/> throws at once unless the reader was asked to collect every problem.
/// </summary>
internal sealed class ProblemSink
{
    private readonly ValidationPolicy _policy;
    private readonly bool _stopAtFirstError;
    private readonly ProblemRecorder? _recorder;

    public ProblemSink(ValidationPolicy policy, bool stopAtFirstError, ValidationReport report)
    {
        _policy = policy;
        _stopAtFirstError = stopAtFirstError;
        Report = report;
    }

    /// <summary>A sink that only records, for a file read on another thread (see <see cref="ProblemRecorder"/>).</summary>
    public ProblemSink(ProblemRecorder recorder)
    {
        _recorder = recorder;
        _policy = recorder.Policy;
        Report = new ValidationReport();
    }

    public ValidationReport Report { get; }

    public void Add(DataProblem problem, DataPosition position, string message, Exception? inner = null)
    {
        if (_recorder is not null) { _recorder.Add(problem, position, message, inner); return; }
        var issue = new DataIssue(problem, position, message);
        var action = _policy[problem];
        Report.Add(issue, action);
        if (action == ProblemAction.Error && _stopAtFirstError) throw new BotDataFormatException(issue, inner);
    }
}
