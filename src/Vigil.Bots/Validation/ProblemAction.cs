namespace Vigil.Bots.Validation;

/// <summary>What the reader does on meeting a problem.</summary>
public enum ProblemAction
{
    /// <summary>The problem is an error: the reader throws <see cref="BotDataFormatException"/> (or, when collecting, counts it as an error).</summary>
    Error,
    /// <summary>The reader skips the offending record, row, edge or field value, and counts it in the report.</summary>
    SkipAndCount,
}
