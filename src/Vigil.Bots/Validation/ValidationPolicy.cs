namespace Vigil.Bots.Validation;

/// <summary>The action for each <see cref="DataProblem"/>.</summary>
public sealed class ValidationPolicy
{
    private readonly ProblemAction[] _actions;

    private ValidationPolicy(string name, ProblemAction[] actions)
    {
        Name = name;
        _actions = actions;
    }

    public string Name { get; }

    /// <summary>Every problem is an error.</summary>
    public static ValidationPolicy Strict { get; } = new("strict", Fill(ProblemAction.Error));

    /// <summary>
    /// Everything is skipped and counted except <see cref="DataProblem.MalformedJson"/>: a broken JSON file loses an
    /// unknown number of records, which could then not be counted.
    /// </summary>
    public static ValidationPolicy Lenient { get; } =
        new ValidationPolicy("lenient", Fill(ProblemAction.SkipAndCount)).With(DataProblem.MalformedJson, ProblemAction.Error, "lenient");

    public ProblemAction this[DataProblem problem] => _actions[(int)problem];

    /// <summary>A copy with one problem's action changed.</summary>
    public ValidationPolicy With(DataProblem problem, ProblemAction action, string? name = null)
    {
        var actions = (ProblemAction[])_actions.Clone();
        actions[(int)problem] = action;
        return new ValidationPolicy(name ?? $"{Name}+{problem}:{action}", actions);
    }

    public static ValidationPolicy Parse(string name) => name.ToLowerInvariant() switch
    {
        "strict" => Strict,
        "lenient" => Lenient,
        _ => throw new ArgumentException($"Unknown validation policy '{name}' (expected strict or lenient)."),
    };

    public override string ToString() => Name;

    private static ProblemAction[] Fill(ProblemAction action) => Enumerable.Repeat(action, Enum.GetValues<DataProblem>().Length).ToArray();
}
