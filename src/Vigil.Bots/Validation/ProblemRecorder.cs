namespace Vigil.Bots.Validation;

/// <summary>
/// Keeps the problems of one file read on a worker thread, each tagged with the number of records the file had yielded
/// when it was met, so that the merge can hand them to the real <see cref="ProblemSink"/> at the same place among the
/// records as a sequential read would (<see cref="Replay"/>). Per problem only the first
/// <see cref="ValidationReport.ExamplesPerProblem"/> are kept whole (no later one can become a report example); the rest
/// are counted. Under stop-at-first-error, the first problem whose action is an error ends the file
/// (<see cref="FileStopped"/>): the replay throws there, so nothing after it is needed.
/// </summary>
internal sealed class ProblemRecorder
{
    public readonly record struct Recorded(DataProblem Problem, DataPosition Position, string Message, Exception? Inner, int RecordsBefore);

    /// <summary>Thrown out of the file's parse at its first error under stop-at-first-error.</summary>
    public sealed class FileStopped : Exception;

    private readonly bool _stopAtFirstError;
    private readonly int _examples;
    private readonly Func<int> _recordsSoFar;
    private readonly List<Recorded> _kept = new();
    private readonly Dictionary<DataProblem, int> _keptPerProblem = new();
    private readonly Dictionary<DataProblem, long> _onlyCounted = new();

    /// <param name="recordsSoFar">How many records the file has yielded so far (the tag of a problem met now).</param>
    public ProblemRecorder(ValidationPolicy policy, bool stopAtFirstError, int examplesPerProblem, Func<int> recordsSoFar)
    {
        Policy = policy;
        _stopAtFirstError = stopAtFirstError;
        _examples = examplesPerProblem;
        _recordsSoFar = recordsSoFar;
    }

    public ValidationPolicy Policy { get; }

    public void Add(DataProblem problem, DataPosition position, string message, Exception? inner)
    {
        _keptPerProblem.TryGetValue(problem, out int kept);
        if (kept < _examples || (_stopAtFirstError && Policy[problem] == ProblemAction.Error))
        {
            _kept.Add(new Recorded(problem, position, message, inner, _recordsSoFar()));
            _keptPerProblem[problem] = kept + 1;
        }
        else _onlyCounted[problem] = _onlyCounted.GetValueOrDefault(problem) + 1;
        if (_stopAtFirstError && Policy[problem] == ProblemAction.Error) throw new FileStopped();
    }

    /// <summary>Hands the kept problems tagged <paramref name="recordsBefore"/> or less, from <paramref name="next"/> on, to <paramref name="sink"/>.</summary>
    public void Replay(int recordsBefore, ref int next, ProblemSink sink)
    {
        for (; next < _kept.Count && _kept[next].RecordsBefore <= recordsBefore; next++)
        {
            var r = _kept[next];
            sink.Add(r.Problem, r.Position, r.Message, r.Inner);
        }
    }

    /// <summary>Adds the problems that were only counted to <paramref name="sink"/>'s report (after every kept one is replayed).</summary>
    public void ReplayCounts(ProblemSink sink)
    {
        foreach (var (problem, count) in _onlyCounted) sink.Report.AddCount(problem, Policy[problem], count);
    }
}
