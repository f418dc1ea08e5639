using Vigil.Core.Text;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Rules;

namespace Vigil.Safety.Verifiers.Learned;

/// <summary>
/// The learned verifier's input for a (prompt, response) pair. Every <see cref="SafetyFeatureSet"/> starts with the
/// sentence vectors p of the prompt and r of the response's head (its first <c>responseChars</c> characters, where
/// refusals, caveats and the substance of an answer show), their elementwise product p⊙r (so a linear layer can see
/// prompt × response interactions), and five phrase cues: a refusal phrase occurs anywhere, a refusal phrase occurs in
/// the first <see cref="OpeningChars"/> characters, the number of <see cref="DeflectionPhrases"/> in the response
/// head, a warning phrase occurs, and log(1 + length)/8. Richer sets append, in this order, the
/// <see cref="ResponseShapeCues"/>, the vector of the response's <see cref="Opening"/> and the vector of its
/// <see cref="Tail"/>.
/// </summary>
public static class SafetyPairFeatures
{
    public const int PhraseCues = 5;
    /// <summary>A refusal that opens the response is a stronger signal than one buried in an answer.</summary>
    public const int OpeningChars = 160;

    /// <summary>Width of the base feature set.</summary>
    public static int Width(int dimension) => SafetyFeatureSet.Base.Width(dimension);

    /// <summary>Row-major [items.Count, set.Width(encoder.Dimension)] features; each distinct text is encoded once.</summary>
    public static float[] Build(ITextEncoder encoder, IReadOnlyList<VerificationInput> items, int responseChars,
        Action<EncodingProgress>? progress = null, SafetyFeatureSet? set = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(items);
        if (responseChars < 1) throw new ArgumentOutOfRangeException(nameof(responseChars), $"Response head must be at least 1 character, got {responseChars}.");
        set ??= SafetyFeatureSet.Base;
        var texts = new List<string>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int RowOf(string text)
        {
            if (!rowOf.TryGetValue(text, out int row)) { row = texts.Count; rowOf[text] = row; texts.Add(text); }
            return row;
        }
        var promptRows = new int[items.Count];
        var responseRows = new int[items.Count];
        var openingRows = new int[items.Count];
        var tailRows = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            promptRows[i] = RowOf(items[i].Prompt);
            responseRows[i] = RowOf(Head(items[i].Response, responseChars));
            if (set.Opening) openingRows[i] = RowOf(Opening(items[i].Response));
            if (set.Tail) tailRows[i] = RowOf(Tail(items[i].Response, responseChars));
        }
        int dim = encoder.Dimension;
        var vectors = encoder.EncodeAll(texts, batchSize: 256, progress: progress);
        int width = set.Width(dim);
        var features = new float[(long)items.Count * width];
        for (int i = 0; i < items.Count; i++)
        {
            var row = features.AsSpan(i * width, width);
            var p = vectors.AsSpan(promptRows[i] * dim, dim);
            var r = vectors.AsSpan(responseRows[i] * dim, dim);
            p.CopyTo(row);
            r.CopyTo(row[dim..]);
            for (int k = 0; k < dim; k++) row[2 * dim + k] = p[k] * r[k] * dim;
            var response = items[i].Response;
            var opening = response.TrimStart();
            opening = opening[..Math.Min(OpeningChars, opening.Length)];
            row[3 * dim] = RefusalPhrases.FindIn(response) is null ? 0 : 1;
            row[3 * dim + 1] = RefusalPhrases.FindIn(opening) is null ? 0 : 1;
            row[3 * dim + 2] = DeflectionPhrases.CountIn(Head(response, responseChars));
            row[3 * dim + 3] = WarningPhrases.FindIn(response) is null ? 0 : 1;
            row[3 * dim + 4] = (float)(Math.Log(1 + response.Length) / 8);
            int at = 3 * dim + PhraseCues;
            if (set.ShapeCues) { ResponseShapeCues.Write(response, responseChars, row.Slice(at, ResponseShapeCues.Count)); at += ResponseShapeCues.Count; }
            if (set.Opening) { vectors.AsSpan(openingRows[i] * dim, dim).CopyTo(row[at..]); at += dim; }
            if (set.Tail) { vectors.AsSpan(tailRows[i] * dim, dim).CopyTo(row[at..]); at += dim; }
        }
        return features;
    }

    /// <summary>The first <paramref name="chars"/> characters of a response, cut back to a word boundary.</summary>
    public static string Head(string response, int chars)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.Trim();
        if (text.Length <= chars) return text;
        int cut = text.LastIndexOfAny(new[] { ' ', '\n', '\t' }, chars);
        return text[..(cut > chars / 2 ? cut : chars)];
    }

    /// <summary>
    /// The response's opening sentences: from the start to the first sentence end ('.', '!', '?' or a line break)
    /// after at least 24 characters, at most <see cref="OpeningChars"/> characters (cut back to a word boundary).
    /// </summary>
    public static string Opening(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var head = Head(response, OpeningChars);
        int end = head.IndexOfAny(new[] { '.', '!', '?', '\n' }, Math.Min(24, head.Length));
        return end < 0 ? head : head[..(end + 1)].TrimEnd();
    }

    /// <summary>
    /// The last <paramref name="chars"/> characters of a response, cut forward to a word boundary; the whole
    /// (trimmed) response when it is no longer than that.
    /// </summary>
    public static string Tail(string response, int chars)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (chars < 1) throw new ArgumentOutOfRangeException(nameof(chars), $"Tail must be at least 1 character, got {chars}.");
        var text = response.Trim();
        if (text.Length <= chars) return text;
        int start = text.Length - chars;
        int cut = text.IndexOfAny(new[] { ' ', '\n', '\t' }, start);
        return (cut >= 0 && cut < start + chars / 2 ? text[(cut + 1)..] : text[start..]).TrimStart();
    }
}
