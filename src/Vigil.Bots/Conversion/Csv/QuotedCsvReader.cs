using System.Text;
using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion.Csv;

/// <summary>
/// Reads an RFC 4180 CSV file with a header row: fields may be quoted, and quoted fields may hold commas, doubled
/// quotes and line breaks (Cresci-2015's descriptions do). Records come back as lists of strings with the 1-based
/// line on which they start, so every error names the file and line. Streams the file; memory is one record.
/// </summary>
internal sealed class QuotedCsvReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly StringBuilder _field = new();
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private long _line = 1;

    public QuotedCsvReader(string path, string displayName)
    {
        File = displayName;
        _reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var header = new List<string>();
        if (!TryRead(header))
            throw Error(DataProblem.MalformedCsv, 1, "the file is empty; a header row was expected");
        Header = header;
        for (int i = 0; i < header.Count; i++) _columns.TryAdd(header[i].Trim(), i);
    }

    /// <summary>The name used in error messages (e.g. <c>E13/users.csv</c>).</summary>
    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The line on which the record last returned starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The index of a column the file must have; its absence is an error naming the file and the header line.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out int i) ? i
        : throw Error(DataProblem.MalformedCsv, 1, $"the header has no column '{name}' (it has: {string.Join(", ", Header)})");

    /// <summary>The index of a column the file may have, or −1.</summary>
    public int OptionalColumn(string name) => _columns.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the file. Blank lines are passed over.</summary>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        int c;
        // Skip blank lines between records.
        while ((c = _reader.Peek()) == '\n' || c == '\r')
        {
            _reader.Read();
            if (c == '\n') _line++;
        }
        if (c < 0) return false;
        RecordLine = _line;
        _field.Clear();
        bool quoted = false, wasQuoted = false;
        while (true)
        {
            c = _reader.Read();
            if (c < 0)
            {
                if (quoted) throw Error(DataProblem.MalformedCsv, RecordLine, "a quoted field is not closed before the end of the file");
                fields.Add(_field.ToString());
                return true;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); _field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw Error(DataProblem.MalformedCsv, _line, $"a stray quote in field {fields.Count + 1} (quotes must enclose a whole field)");
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return true;
                default:
                    if (wasQuoted) throw Error(DataProblem.MalformedCsv, _line, $"text after the closing quote of field {fields.Count + 1}");
                    _field.Append((char)c);
                    break;
            }
        }
    }

    public BotDataFormatException Error(DataProblem problem, long line, string message) =>
        new(new DataIssue(problem, DataPosition.AtLine(File, line), message));

    public void Dispose() => _reader.Dispose();
}
