using System.Text;
using System.Text.Json;

namespace Vigil.Safety.Inference.Retrieval;

/// <summary>
/// Okapi BM25 over a fixed set of passages. score(q, d) = Σ_{t ∈ q} idf(t) · f(t,d)·(k1+1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl)),
/// idf(t) = ln(1 + (N − n(t) + 0.5)/(n(t) + 0.5)) (the non-negative Lucene form); terms are lower-cased runs of
/// letters and digits, and a query term repeated counts each time.
/// </summary>
public sealed class Bm25Index
{
    private readonly IReadOnlyList<Bm25Document> _documents;
    private readonly Dictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<Bm25Document> documents, double k1 = 1.2, double b = 0.75)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!(k1 >= 0) || !(b >= 0 && b <= 1)) throw new ArgumentOutOfRangeException(nameof(k1), $"BM25 needs k1 ≥ 0 and b in [0, 1], got k1 = {k1}, b = {b}.");
        K1 = k1;
        B = b;
        _documents = documents.ToArray();
        _termCounts = new Dictionary<string, int>[_documents.Count];
        _lengths = new int[_documents.Count];
        for (int i = 0; i < _documents.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in Terms(_documents[i].Text)) { counts[term] = counts.GetValueOrDefault(term) + 1; _lengths[i]++; }
            _termCounts[i] = counts;
            foreach (var term in counts.Keys) _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _averageLength = _documents.Count == 0 ? 0 : _lengths.Average();
    }

    public double K1 { get; }
    public double B { get; }
    public int Count => _documents.Count;
    public IReadOnlyList<Bm25Document> Documents => _documents;

    public double Idf(string term)
    {
        int n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (_documents.Count - n + 0.5) / (n + 0.5));
    }

    public double Score(string query, int document)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(document);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(document, _documents.Count);
        double score = 0;
        var counts = _termCounts[document];
        double norm = K1 * (1 - B + B * _lengths[document] / _averageLength);
        foreach (var term in Terms(query))
            if (counts.TryGetValue(term, out int f)) score += Idf(term) * f * (K1 + 1) / (f + norm);
        return score;
    }

    /// <summary>The <paramref name="top"/> best-scoring documents with a positive score, best first (ties by input order).</summary>
    public IReadOnlyList<Bm25Hit> Search(string query, int top)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return Enumerable.Range(0, _documents.Count)
            .Select(i => (i, score: Score(query, i)))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.i)
            .Take(top)
            .Select(x => new Bm25Hit(_documents[x.i], x.score))
            .ToArray();
    }

    /// <summary>Lower-cased maximal runs of letters and digits.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var term = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) { term.Append(char.ToLowerInvariant(c)); continue; }
            if (term.Length > 0) { yield return term.ToString(); term.Clear(); }
        }
        if (term.Length > 0) yield return term.ToString();
    }

    /// <summary>
    /// Indexes a folder (recursively): each .txt / .md file split into paragraphs at blank lines (id <c>file#n</c>), and
    /// each line of a .jsonl file an object with a string <c>text</c> and optional <c>id</c> / <c>title</c> (id <c>file:line</c> when absent).
    /// </summary>
    public static Bm25Index FromFolder(string folder, double k1 = 1.2, double b = 0.75)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Document folder '{folder}' does not exist.");
        var documents = new List<Bm25Document>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path);
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".txt" or ".md") documents.AddRange(Paragraphs(relative, File.ReadAllText(path)));
            else if (extension == ".jsonl") documents.AddRange(JsonLines(path, relative));
        }
        return new Bm25Index(documents, k1, b);
    }

    private static IEnumerable<Bm25Document> Paragraphs(string name, string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0);
        return paragraphs.Select((p, i) => new Bm25Document($"{name}#{i + 1}", p));
    }

    private static IEnumerable<Bm25Document> JsonLines(string path, string name)
    {
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement root;
            try { root = JsonDocument.Parse(line).RootElement; }
            catch (JsonException e) { throw new InvalidDataException($"{path}:{number}: not valid JSON ({e.Message})."); }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}:{number}: expected an object with a string \"text\".");
            var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : $"{name}:{number}";
            var body = root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() + "\n" + text.GetString() : text.GetString()!;
            yield return new Bm25Document(id, body);
        }
    }
}
