using System.Text;
using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Bots.IO.Csv;

/// <summary>
/// Reads <c>edge.csv</c> (<c>source_id,relation,target_id</c>) into the dataset's edge lists, in the paper's
/// direction: <c>membership</c> and <c>followed</c> rows stored list → user (as the released files have them) are
/// turned round; rows already user → list are kept. Lines are parsed in batches whose id-map slots are prefetched
/// before any is looked up, since with millions of ids each lookup would otherwise wait on memory; problems are still
/// reported in line order.
/// </summary>
internal static class EdgeCsv
{
    private const int BatchSize = 64;
    private static readonly byte[] Header = "source_id,relation,target_id"u8.ToArray();

    private struct PendingEdge
    {
        public long Line;
        public BotRelation Relation;
        public EntityKind SourceKind, TargetKind;
        public long SourceId, TargetId;
        // Set when the line is already known to be bad: the problem and its message.
        public DataProblem? Problem;
        public string? Message;
    }

    public static void Read(string path, BotDataset dataset, ProblemSink problems, int bufferSize)
    {
        var file = Path.GetFileName(path);
        using var csv = new CsvLineReader(path, bufferSize);
        var batch = new PendingEdge[BatchSize];
        var last = BotRelation.Followers;
        if (csv.TryReadLine(out var header) && !header.SequenceEqual(Header))
            problems.Add(DataProblem.MalformedCsv, DataPosition.AtLine(file, csv.LineNumber),
                $"the header is \"{Text(header)}\", expected \"source_id,relation,target_id\"; the line is skipped");
        while (true)
        {
            int n = 0;
            while (n < BatchSize && csv.TryReadLine(out var line))
            {
                ref var edge = ref batch[n++];
                Parse(line, csv.LineNumber, ref last, ref edge);
                if (edge.Problem is null)
                {
                    dataset.Prefetch(edge.SourceKind, edge.SourceId);
                    dataset.Prefetch(edge.TargetKind, edge.TargetId);
                }
            }
            for (int i = 0; i < n; i++) Add(ref batch[i], dataset, file, problems);
            if (n < BatchSize) return;
        }
    }

    private static void Parse(ReadOnlySpan<byte> line, long lineNumber, ref BotRelation last, ref PendingEdge edge)
    {
        edge.Line = lineNumber;
        edge.Problem = null;
        edge.Message = null;
        Span<Range> fields = stackalloc Range[3];
        int n = CsvLineReader.Split(line, fields);
        if (n != 3)
        {
            Fail(ref edge, DataProblem.MalformedCsv, $"\"{Text(line)}\" has {n} fields, expected 3 (source_id,relation,target_id); the edge is skipped");
            return;
        }
        // Files group edges by relation, so the last relation is the likely one.
        var relationText = line[fields[1]];
        if (!relationText.SequenceEqual(last.Utf8Name()) && !BotRelations.TryParse(relationText, out last))
        {
            last = BotRelation.Followers;
            Fail(ref edge, DataProblem.UnknownRelation,
                $"relation \"{Text(relationText)}\" is not one of {string.Join(", ", BotRelations.All.Select(r => r.Name()))}; the edge is skipped");
            return;
        }
        var relation = edge.Relation = last;
        if (!TwiBotId.TryParse(line[fields[0]], out var sourceKind, out long sourceId))
        {
            Fail(ref edge, DataProblem.InvalidId, $"source \"{Text(line[fields[0]])}\" is not an id (a kind letter u/t/l/h and digits); the edge is skipped");
            return;
        }
        if (!TwiBotId.TryParse(line[fields[2]], out var targetKind, out long targetId))
        {
            Fail(ref edge, DataProblem.InvalidId, $"target \"{Text(line[fields[2]])}\" is not an id (a kind letter u/t/l/h and digits); the edge is skipped");
            return;
        }
        if (sourceKind != relation.SourceKind() || targetKind != relation.TargetKind())
        {
            if (relation.FileReversesPaper() && sourceKind == relation.TargetKind() && targetKind == relation.SourceKind())
            {
                (sourceKind, targetKind) = (targetKind, sourceKind);
                (sourceId, targetId) = (targetId, sourceId);
            }
            else
            {
                Fail(ref edge, DataProblem.WrongEndpointType,
                    $"{relation.Name()} joins {relation.SourceKind().NodeType()} → {relation.TargetKind().NodeType()}, but this edge is " +
                    $"{TwiBotId.Format(sourceKind, sourceId)} ({sourceKind.NodeType()}) → {TwiBotId.Format(targetKind, targetId)} ({targetKind.NodeType()}); the edge is skipped");
                return;
            }
        }
        (edge.SourceKind, edge.SourceId, edge.TargetKind, edge.TargetId) = (sourceKind, sourceId, targetKind, targetId);
    }

    private static void Add(ref PendingEdge edge, BotDataset dataset, string file, ProblemSink problems)
    {
        if (edge.Problem is { } problem)
        {
            problems.Add(problem, DataPosition.AtLine(file, edge.Line), edge.Message!);
            return;
        }
        int source = dataset.IndexOf(edge.SourceKind, edge.SourceId);
        int target = dataset.IndexOf(edge.TargetKind, edge.TargetId);
        if (source < 0 || target < 0)
        {
            var (kind, id, end) = source < 0 ? (edge.SourceKind, edge.SourceId, "source") : (edge.TargetKind, edge.TargetId, "target");
            problems.Add(DataProblem.UnknownId, DataPosition.AtLine(file, edge.Line),
                $"{edge.Relation.Name()} edge: {end} {TwiBotId.Format(kind, id)} is not a {kind.NodeType()} of the dataset; the edge is skipped");
            return;
        }
        dataset.Edges(edge.Relation).Add(source, target);
    }

    private static void Fail(ref PendingEdge edge, DataProblem problem, string message)
    {
        edge.Problem = problem;
        edge.Message = message;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.Length > 80 ? utf8[..80] : utf8);
}
