namespace Vigil.Safety.Rewards;

/// <summary>A reward recipe that cannot be used; the message names the source, the JSON path and the problem.</summary>
public sealed class RewardRecipeException : Exception
{
    public RewardRecipeException(string message, Exception? inner = null) : base(message, inner) { }
}
