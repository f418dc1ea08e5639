using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Csv;

/// <summary>
/// Reads a two-column <c>id,&lt;column&gt;</c> file that gives each user one value (<c>label.csv</c>, <c>split.csv</c>):
/// checks the header, the field count, that the id is a known user, that the value parses and that no user appears
/// twice, and hands each good row to the caller.
/// </summary>
internal static class UserValueCsv
{
    public delegate bool ValueParser<T>(ReadOnlySpan<byte> text, out T value);

    /// <summary>Reads the file; returns, per user row, whether it had a row in the file.</summary>
    public static bool[] Read<T>(string path, string column, UserTable users, ProblemSink problems, int bufferSize,
        ValueParser<T> parse, DataProblem badValue, string expected, Action<int, T> assign)
    {
        var file = Path.GetFileName(path);
        var seen = new bool[users.Count];
        var header = Encoding.UTF8.GetBytes($"id,{column}");
        using var csv = new CsvLineReader(path, bufferSize);
        Span<Range> fields = stackalloc Range[2];
        bool first = true;
        while (csv.TryReadLine(out var line))
        {
            var at = DataPosition.AtLine(file, csv.LineNumber);
            if (first)
            {
                first = false;
                if (!line.SequenceEqual(header))
                    problems.Add(DataProblem.MalformedCsv, at, $"the header is \"{Text(line)}\", expected \"id,{column}\"; the line is skipped");
                continue;
            }
            int n = CsvLineReader.Split(line, fields);
            if (n != 2)
            {
                problems.Add(DataProblem.MalformedCsv, at, $"\"{Text(line)}\" has {n} fields, expected 2 (id,{column}); the line is skipped");
                continue;
            }
            var idText = line[fields[0]];
            if (!TwiBotId.TryParse(idText, out var kind, out long id) || kind != EntityKind.User)
            {
                problems.Add(DataProblem.InvalidId, at, $"\"{Text(idText)}\" is not a user id (u and digits); the line is skipped");
                continue;
            }
            int row = users.IndexOf(id);
            if (row < 0)
            {
                problems.Add(DataProblem.UnknownId, at, $"user u{id} is not in the users file; the line is skipped");
                continue;
            }
            var valueText = line[fields[1]];
            if (!parse(valueText, out T value))
            {
                problems.Add(badValue, at, $"u{id}: {column} \"{Text(valueText)}\" is not {expected}; the line is skipped");
                continue;
            }
            if (seen[row])
            {
                problems.Add(DataProblem.DuplicateId, at, $"u{id} already has a {column} on an earlier line; this line is skipped");
                continue;
            }
            seen[row] = true;
            assign(row, value);
        }
        return seen;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.Length > 80 ? utf8[..80] : utf8);
}
