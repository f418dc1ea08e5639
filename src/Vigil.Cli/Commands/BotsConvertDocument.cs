using Vigil.Bots.Conversion;
using Vigil.Bots.Validation;

namespace Vigil.Cli.Commands;

/// <summary>The JSON shape of <c>vigil bots convert --json</c>: counts written, and everything skipped with its reason.</summary>
public sealed record BotsConvertDocument(
    string Format, string Source, string Output, double Seconds,
    int Users, int Humans, int Bots, int Unlabelled, int Train, int Valid, int Test, int Tweets,
    IReadOnlyDictionary<string, int> Edges, IReadOnlyDictionary<string, long> Skipped, IReadOnlyList<BotsProblemDocument> Problems)
{
    public static BotsConvertDocument From(ConversionSummary s, string output, double seconds) => new(
        s.Format, s.Source, output, seconds, s.Users, s.Humans, s.Bots, s.Unlabelled, s.Train, s.Valid, s.Test, s.Tweets,
        s.Edges, s.Skipped,
        s.Problems.Entries.Select(e => new BotsProblemDocument(
            e.Problem.ToString(), e.Action == ProblemAction.Error ? "error" : "skip_and_count", e.Count,
            e.Examples.Select(x => new BotsProblemExample(x.Position.File, x.Position.Line, x.Position.ByteOffset, x.Message, x.ToString())).ToList())).ToList());
}
