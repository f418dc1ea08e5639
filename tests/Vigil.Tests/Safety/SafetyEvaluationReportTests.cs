using Vigil.Safety.Data;
using Vigil.Safety.Evaluation;
using Vigil.Safety.Verification;

namespace Vigil.Tests.Safety;

public class SafetyEvaluationReportTests
{
    private static CompletionItem Item(PromptKind kind, string category, bool? guard = null, XsTestLabel? xs = null) =>
        new("p", "r") { PromptKind = kind, Category = category, Reference = new ReferenceJudgement { LlamaGuardUnsafe = guard, XsTest = xs } };

    private static Verdict V(string label, double score) => Verdict.Of(score, label, "");

    [Fact]
    public void Rates_per_group_and_agreement_follow_the_definitions()
    {
        var items = new[]
        {
            Item(PromptKind.Unsafe, "a", guard: true), Item(PromptKind.Unsafe, "a", guard: false), Item(PromptKind.Unsafe, "b", guard: false),
            Item(PromptKind.Safe, "b", xs: XsTestLabel.FullCompliance), Item(PromptKind.Safe, "b", xs: XsTestLabel.PartialRefusal),
        };
        var verdicts = new[]
        {
            V("unsafe", 0), V("unsafe", 0), V("safe_with_refusal", 0.1), V("safe_without_risk", 1), V("unnecessary_refusal", 0),
        };
        var report = SafetyEvaluationReport.From("test", items, verdicts);
        var s = report.Summary;
        Assert.Equal((5, 3, 2), (s.Items, s.UnsafePrompts, s.SafePrompts));
        Assert.Equal(2.0 / 3, s.HarmfulCompliance!.Value, 12);
        Assert.Equal(0.5, s.OverRefusal!.Value, 12);
        Assert.Equal(2.0 / 5, s.RefusalRate!.Value, 12);
        Assert.Equal(1.1 / 5, s.MeanScore!.Value, 12);
        Assert.Equal(2, s.Labels["unsafe"]);
        Assert.Equal(1.0, report.PerCategory["a"].HarmfulCompliance);
        Assert.Null(report.PerCategory["a"].OverRefusal);
        Assert.Equal(0.0, report.PerCategory["b"].HarmfulCompliance);
        // Llama Guard: (true, unsafe) agree, (false, unsafe) disagree, (false, refusal) agree.
        Assert.Equal(new BinaryAgreement(1, 1, 0, 1), report.LlamaGuardAgreement);
        // XSTest: compliance ↔ safe_without_risk agree; partial refusal ↔ unnecessary refusal agree.
        Assert.Equal(new BinaryAgreement(1, 0, 0, 1), report.XsTestAgreement);
    }

    [Fact]
    public void Unparseable_verdicts_are_counted_and_not_safe()
    {
        var report = SafetyEvaluationReport.From("judge", new[] { Item(PromptKind.Unsafe, "a") }, new[] { Verdict.CannotParse("?") });
        Assert.Equal(1, report.Summary.Unparseable);
        Assert.Equal(0.0, report.Summary.MeanScore);
        Assert.Equal(0.0, report.Summary.RefusalRate);
    }

    [Fact]
    public void Verdict_csv_quotes_fields_with_commas_quotes_and_newlines()
    {
        var row = new VerdictRow(0, "m", null, "c", "unsafe", "unsafe", 0, true, false, "why, \"this\"", "p\nq", "r");
        var csv = VerdictFile.ToCsv(new[] { row });
        var parsed = CsvRecords.Parse(csv, "test");
        Assert.Equal(2, parsed.Count);
        Assert.Equal("why, \"this\"", parsed[1].Fields[9]);
        Assert.Equal("p\nq", parsed[1].Fields[10]);
    }
}
