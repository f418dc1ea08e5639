namespace Vigil.Bots.Data;

/// <summary>A user's class in <c>label.csv</c>; <see cref="Unknown"/> for users without a row there.</summary>
public enum BotLabel : sbyte
{
    Unknown = -1,
    Human = 0,
    Bot = 1,
}
