namespace Vigil.Bots.IO;

/// <summary>One file <see cref="TwiBotReader"/> read: its name, its size and how long reading it took.</summary>
public readonly record struct TwiBotFileRead(string File, long Bytes, TimeSpan Elapsed);
