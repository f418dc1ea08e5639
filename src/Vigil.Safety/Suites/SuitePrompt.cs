using Vigil.Safety.Verification;

namespace Vigil.Safety.Suites;

/// <summary>One prompt of an evaluation suite: its text, whether it is safe to answer, the suite, its category, and
/// its 0-based position in the suite's file (kept through sampling, so a run can be traced back).</summary>
public sealed record SuitePrompt(string Prompt, PromptKind Kind, string Suite, string Category, int Position);
