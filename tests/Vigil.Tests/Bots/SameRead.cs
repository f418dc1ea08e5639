using Vigil.Bots.Data;
using Vigil.Bots.Validation;

namespace Vigil.Tests.Bots;

/// <summary>Asserts that two reads of one folder (by different paths through the reader) gave the same dataset and report.</summary>
internal static class SameRead
{
    /// <summary>Same rows, the same report (counts and example messages, in order) and the same category values.</summary>
    public static void Assert(BotDataset expected, BotDataset actual)
    {
        Xunit.Assert.Empty(BotDatasetComparison.Differences(expected, actual));
        Xunit.Assert.Equal(Describe(expected.Report), Describe(actual.Report));
        Xunit.Assert.Equal(expected.Tweets.Lang.Values, actual.Tweets.Lang.Values);
        Xunit.Assert.Equal(expected.Tweets.Source.Values, actual.Tweets.Source.Values);
    }

    private static string[] Describe(ValidationReport report) =>
        report.Entries.SelectMany(e => e.Examples.Select(x => $"{e.Problem} ×{e.Count} {e.Action}: {x}").DefaultIfEmpty($"{e.Problem} ×{e.Count} {e.Action}")).ToArray();
}
