using System.Text;

namespace Vigil.Safety.Data;

/// <summary>
/// RFC 4180 CSV: comma-separated fields, double-quoted fields may hold commas, newlines and doubled quotes. The first
/// record is the header. Each record carries the 1-based line it starts on, for error messages.
/// </summary>
public static class CsvRecords
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    /// <summary>Header and records of <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file and line on malformed input.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<Record> Rows) Read(string path)
    {
        var text = File.ReadAllText(path);
        var records = Parse(text, path);
        if (records.Count == 0) throw new InvalidDataException($"{path}: the file is empty; a header line was expected.");
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        for (int i = 1; i < records.Count; i++)
            if (records[i].Fields.Count != header.Length)
                throw new InvalidDataException($"{path}, line {records[i].Line}: {records[i].Fields.Count} fields where the header has {header.Length}.");
        return (header, records.Skip(1).ToArray());
    }

    internal static List<Record> Parse(string text, string source)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, quoteLine = 0;
        bool inQuotes = false, fieldStarted = false;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    if (field.Length > 0) throw new InvalidDataException($"{source}, line {line}: a quote inside an unquoted field.");
                    inQuotes = true; fieldStarted = true; quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString()); field.Clear(); fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++; recordLine = line;
                    break;
                default:
                    field.Append(c); fieldStarted = true;
                    break;
            }
        }
        if (inQuotes) throw new InvalidDataException($"{source}, line {quoteLine}: a quoted field is never closed.");
        EndRecord();
        return records;

        void EndRecord()
        {
            if (!fieldStarted && fields.Count == 0) return; // blank line
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields.ToArray()));
            fields.Clear(); field.Clear(); fieldStarted = false;
        }
    }
}
