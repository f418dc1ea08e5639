namespace Vigil.Bots.Data;

/// <summary>A user's part in <c>split.csv</c> (<c>train</c>, <c>valid</c>, or <c>val</c> in older sets, <c>test</c>).</summary>
public enum DataSplit : byte
{
    None = 0,
    Train = 1,
    Valid = 2,
    Test = 3,
}
