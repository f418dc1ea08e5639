namespace Vigil.Bots.Validation;

/// <summary>
/// Every problem a read met, counted per problem with its action, plus the first few of each as examples
/// (file, position, message). Nothing is skipped without being counted here.
/// </summary>
public sealed class ValidationReport
{
    public const int DefaultExamplesPerProblem = 5;

    private readonly Dictionary<DataProblem, Entry> _entries = new();

    public ValidationReport(int examplesPerProblem = DefaultExamplesPerProblem) => ExamplesPerProblem = examplesPerProblem;

    public sealed class Entry
    {
        internal Entry(DataProblem problem, ProblemAction action) { Problem = problem; Action = action; }
        public DataProblem Problem { get; }
        public ProblemAction Action { get; }
        public long Count { get; internal set; }
        public List<DataIssue> Examples { get; } = new();
    }

    public int ExamplesPerProblem { get; }

    /// <summary>The problems met, in <see cref="DataProblem"/> order.</summary>
    public IReadOnlyList<Entry> Entries => _entries.Values.OrderBy(e => e.Problem).ToList();

    public long Count(DataProblem problem) => _entries.TryGetValue(problem, out var e) ? e.Count : 0;

    public long TotalCount => _entries.Values.Sum(e => e.Count);

    /// <summary>Problems whose action was <see cref="ProblemAction.Error"/>.</summary>
    public long ErrorCount => _entries.Values.Where(e => e.Action == ProblemAction.Error).Sum(e => e.Count);

    /// <summary>Problems whose action was <see cref="ProblemAction.SkipAndCount"/>.</summary>
    public long SkippedCount => _entries.Values.Where(e => e.Action == ProblemAction.SkipAndCount).Sum(e => e.Count);

    public bool IsClean => _entries.Count == 0;

    public void Add(DataIssue issue, ProblemAction action)
    {
        if (!_entries.TryGetValue(issue.Problem, out var entry)) _entries[issue.Problem] = entry = new Entry(issue.Problem, action);
        entry.Count++;
        if (entry.Examples.Count < ExamplesPerProblem) entry.Examples.Add(issue);
    }

    /// <summary>Counts <paramref name="count"/> more of a problem without examples (ones whose details were not kept).</summary>
    internal void AddCount(DataProblem problem, ProblemAction action, long count)
    {
        if (!_entries.TryGetValue(problem, out var entry)) _entries[problem] = entry = new Entry(problem, action);
        entry.Count += count;
    }

    public override string ToString() => IsClean ? "no problems" :
        string.Join("; ", Entries.Select(e => $"{e.Problem} ×{e.Count} ({e.Action})"));
}
