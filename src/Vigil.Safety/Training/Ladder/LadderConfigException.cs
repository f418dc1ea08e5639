namespace Vigil.Safety.Training.Ladder;

/// <summary>A ladder config that cannot be run; the message names the file, the JSON path and the problem.</summary>
public sealed class LadderConfigException : Exception
{
    public LadderConfigException(string message, Exception? inner = null) : base(message, inner) { }
}
