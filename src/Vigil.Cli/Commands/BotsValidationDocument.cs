using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Cli.Commands;

/// <summary>The JSON shape of <c>vigil bots validate --json</c>.</summary>
public sealed record BotsValidationDocument(
    string Directory, string Layout, string Policy, bool Valid, long Errors, long Skipped,
    int Users, int Tweets, int Lists, int Hashtags, long Edges, IReadOnlyList<BotsProblemDocument> Problems)
{
    public static BotsValidationDocument From(string directory, BotDataset dataset, ValidationPolicy policy)
    {
        var report = dataset.Report;
        var problems = report.Entries.Select(e => new BotsProblemDocument(
            e.Problem.ToString(), e.Action == ProblemAction.Error ? "error" : "skip_and_count", e.Count,
            e.Examples.Select(x => new BotsProblemExample(x.Position.File, x.Position.Line, x.Position.ByteOffset, x.Message, x.ToString())).ToList())).ToList();
        return new BotsValidationDocument(directory, dataset.Layout.ToString(), policy.Name, report.ErrorCount == 0, report.ErrorCount, report.SkippedCount,
            dataset.Users.Count, dataset.Tweets.Count, dataset.Lists.Count, dataset.Hashtags.Count, dataset.EdgeCount, problems);
    }
}

public sealed record BotsProblemDocument(string Problem, string Action, long Count, IReadOnlyList<BotsProblemExample> Examples);

/// <summary>One example problem: file, 1-based line (CSV) or byte offset (JSON), message, and all of it as one line.</summary>
public sealed record BotsProblemExample(string File, long? Line, long? ByteOffset, string Message, string Text);
