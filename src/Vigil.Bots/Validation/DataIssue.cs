namespace Vigil.Bots.Validation;

/// <summary>One problem met: what, where, and a message that names the entity or value at fault.</summary>
public sealed record DataIssue(DataProblem Problem, DataPosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
