namespace Vigil.Bots.Validation;

/// <summary>
/// A dataset problem treated as an error: the message names the file, the position (CSV line or JSON byte offset)
/// and what is wrong.
/// </summary>
public sealed class BotDataFormatException : Exception
{
    public BotDataFormatException(DataIssue issue, Exception? inner = null) : base(issue.ToString(), inner) => Issue = issue;

    public DataIssue Issue { get; }
    public DataProblem Problem => Issue.Problem;
    public string File => Issue.Position.File;
    public long? Line => Issue.Position.Line;
    public long? ByteOffset => Issue.Position.ByteOffset;
}
