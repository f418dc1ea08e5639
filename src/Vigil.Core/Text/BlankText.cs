namespace Vigil.Core.Text;

/// <summary>
/// The contract's blank-text rule in one place: null, empty and whitespace-only texts map to the zero row and
/// never reach a model, so every encoder (and the cache) treats them alike.
/// </summary>
public static class BlankText
{
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>Positions of the non-blank texts, in order. Throws when the list itself is null.</summary>
    public static int[] NonBlankPositions(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var positions = new List<int>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
            if (!IsBlank(texts[i])) positions.Add(i);
        return positions.ToArray();
    }
}
