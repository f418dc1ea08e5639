using System.Text;

namespace Vigil.Safety.Serving;

/// <summary>
/// Cuts a streamed completion at its first stop sequence, which the reply does not include (OpenAI semantics; the
/// generator keeps it). Text that could still turn out to be the start of a stop sequence is held back until the
/// next piece decides it, so a client never sees half of "&lt;|end|&gt;".
/// </summary>
public sealed class StopSequenceFilter
{
    private readonly string[] _stops;
    private readonly StringBuilder _pending = new();

    public StopSequenceFilter(IEnumerable<string> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        _stops = stops.Where(s => s.Length > 0).Distinct().ToArray();
    }

    /// <summary>True once a stop sequence has been seen; everything after it is dropped.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds a piece of generated text and returns the text that is now safe to emit.</summary>
    public string Push(string piece)
    {
        if (Stopped) return "";
        _pending.Append(piece);
        var text = _pending.ToString();
        int cut = FirstStop(text);
        if (cut >= 0)
        {
            Stopped = true;
            _pending.Clear();
            return text[..cut];
        }
        int hold = LongestStopPrefixSuffix(text);
        _pending.Clear().Append(text, text.Length - hold, hold);
        return text[..^hold];
    }

    /// <summary>The held-back text, once generation has ended without completing a stop sequence.</summary>
    public string Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        return Stopped ? "" : rest;
    }

    /// <summary>A whole completion cut at its first stop sequence; <paramref name="stopped"/> tells whether one occurred.</summary>
    public static string Cut(string text, IEnumerable<string> stops, out bool stopped)
    {
        var filter = new StopSequenceFilter(stops);
        var kept = filter.Push(text) + filter.Flush();
        stopped = filter.Stopped;
        return kept;
    }

    private int FirstStop(string text)
    {
        int first = -1;
        foreach (var stop in _stops)
        {
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }

    /// <summary>Length of the longest end of <paramref name="text"/> that a stop sequence begins with.</summary>
    private int LongestStopPrefixSuffix(string text)
    {
        int longest = 0;
        foreach (var stop in _stops)
            for (int k = Math.Min(stop.Length - 1, text.Length); k > longest; k--)
                if (text.AsSpan(text.Length - k).SequenceEqual(stop.AsSpan(0, k))) { longest = k; break; }
        return longest;
    }
}
