namespace Vigil.Safety.Training.Objectives;

/// <summary>
/// DAPO's soft overlong punishment: 0 while the completion has at most <see cref="MaxLength"/> − <see cref="Buffer"/>
/// tokens, then falling linearly to −<see cref="Penalty"/> at <see cref="MaxLength"/> tokens (and staying there beyond).
/// </summary>
public sealed record OverlongPenalty(int MaxLength, int Buffer, double Penalty = 1.0)
{
    public double For(int completionLength)
    {
        if (MaxLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxLength), $"The length limit must be ≥ 1, got {MaxLength}.");
        if (Buffer < 0 || Buffer > MaxLength) throw new ArgumentOutOfRangeException(nameof(Buffer), $"The buffer must lie in [0, {MaxLength}], got {Buffer}.");
        if (!(Penalty >= 0)) throw new ArgumentOutOfRangeException(nameof(Penalty), $"The penalty must be ≥ 0, got {Penalty}.");
        int free = MaxLength - Buffer;
        if (completionLength <= free) return 0;
        if (completionLength >= MaxLength) return -Penalty;
        return -Penalty * (completionLength - free) / Buffer;
    }
}
