using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Csv;

/// <summary>
/// Reads <c>edge.csv</c> (<c>source_id,relation,target_id</c>) into the dataset's edge lists, in the paper's
/// direction: <c>membership</c> and <c>followed</c> rows stored list → user (as the released files have them) are
/// turned round; rows already user → list are kept.
/// </summary>
internal static class EdgeCsv
{
    private static readonly byte[] Header = "source_id,relation,target_id"u8.ToArray();

    public static void Read(string path, BotDataset dataset, ProblemSink problems, int bufferSize)
    {
        var file = Path.GetFileName(path);
        var lists = new EdgeList?[BotRelations.All.Count];
        using var csv = new CsvLineReader(path, bufferSize);
        Span<Range> fields = stackalloc Range[3];
        bool first = true;
        var last = BotRelation.Followers;
        while (csv.TryReadLine(out var line))
        {
            if (first)
            {
                first = false;
                if (!line.SequenceEqual(Header))
                    problems.Add(DataProblem.MalformedCsv, DataPosition.AtLine(file, csv.LineNumber),
                        $"the header is \"{Text(line)}\", expected \"source_id,relation,target_id\"; the line is skipped");
                continue;
            }
            int n = CsvLineReader.Split(line, fields);
            if (n != 3)
            {
                problems.Add(DataProblem.MalformedCsv, DataPosition.AtLine(file, csv.LineNumber),
                    $"\"{Text(line)}\" has {n} fields, expected 3 (source_id,relation,target_id); the edge is skipped");
                continue;
            }
            // Files group edges by relation, so the last relation is the likely one.
            var relationText = line[fields[1]];
            if (!relationText.SequenceEqual(last.Utf8Name()) && !BotRelations.TryParse(relationText, out last))
            {
                problems.Add(DataProblem.UnknownRelation, DataPosition.AtLine(file, csv.LineNumber),
                    $"relation \"{Text(relationText)}\" is not one of {string.Join(", ", BotRelations.All.Select(r => r.Name()))}; the edge is skipped");
                last = BotRelation.Followers;
                continue;
            }
            var relation = last;
            if (!ParseId(line[fields[0]], "source", file, csv.LineNumber, problems, out var sourceKind, out long sourceId)
                || !ParseId(line[fields[2]], "target", file, csv.LineNumber, problems, out var targetKind, out long targetId)) continue;

            if (sourceKind != relation.SourceKind() || targetKind != relation.TargetKind())
            {
                if (relation.FileReversesPaper() && sourceKind == relation.TargetKind() && targetKind == relation.SourceKind())
                {
                    (sourceKind, targetKind) = (targetKind, sourceKind);
                    (sourceId, targetId) = (targetId, sourceId);
                }
                else
                {
                    problems.Add(DataProblem.WrongEndpointType, DataPosition.AtLine(file, csv.LineNumber),
                        $"{relation.Name()} joins {relation.SourceKind().NodeType()} → {relation.TargetKind().NodeType()}, but this edge is " +
                        $"{TwiBotId.Format(sourceKind, sourceId)} ({sourceKind.NodeType()}) → {TwiBotId.Format(targetKind, targetId)} ({targetKind.NodeType()}); the edge is skipped");
                    continue;
                }
            }
            int source = dataset.IndexOf(sourceKind, sourceId);
            int target = dataset.IndexOf(targetKind, targetId);
            if (source < 0 || target < 0)
            {
                var (kind, id, end) = source < 0 ? (sourceKind, sourceId, "source") : (targetKind, targetId, "target");
                problems.Add(DataProblem.UnknownId, DataPosition.AtLine(file, csv.LineNumber),
                    $"{relation.Name()} edge: {end} {TwiBotId.Format(kind, id)} is not a {kind.NodeType()} of the dataset; the edge is skipped");
                continue;
            }
            (lists[(int)relation] ??= dataset.Edges(relation)).Add(source, target);
        }
    }

    private static bool ParseId(ReadOnlySpan<byte> text, string end, string file, long line, ProblemSink problems, out EntityKind kind, out long id)
    {
        if (TwiBotId.TryParse(text, out kind, out id)) return true;
        problems.Add(DataProblem.InvalidId, DataPosition.AtLine(file, line),
            $"{end} \"{Text(text)}\" is not an id (a kind letter u/t/l/h and digits); the edge is skipped");
        return false;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.Length > 80 ? utf8[..80] : utf8);
}
