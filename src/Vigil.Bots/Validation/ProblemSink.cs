namespace Vigil.Bots.Validation;

/// <summary>
/// Where the reader sends each problem: it is counted in the report with the policy's action, and an
/// <see cref="ProblemAction.Error"/> throws at once unless the reader was asked to collect every problem.
/// </summary>
internal sealed class ProblemSink
{
    private readonly ValidationPolicy _policy;
    private readonly bool _stopAtFirstError;

    public ProblemSink(ValidationPolicy policy, bool stopAtFirstError, ValidationReport report)
    {
        _policy = policy;
        _stopAtFirstError = stopAtFirstError;
        Report = report;
    }

    public ValidationReport Report { get; }

    public void Add(DataProblem problem, DataPosition position, string message, Exception? inner = null)
    {
        var issue = new DataIssue(problem, position, message);
        var action = _policy[problem];
        Report.Add(issue, action);
        if (action == ProblemAction.Error && _stopAtFirstError) throw new BotDataFormatException(issue, inner);
    }
}
