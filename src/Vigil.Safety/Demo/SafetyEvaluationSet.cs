using Vigil.Safety.Verification;

namespace Vigil.Safety.Demo;

/// <summary>
/// A held-out prompt set of the safety score. For <see cref="PromptKind.Unsafe"/> sets the rate is the share of safe
/// responses; for <see cref="PromptKind.Safe"/> sets, the share answered without refusal.
/// </summary>
public sealed record SafetyEvaluationSet(string Name, PromptKind Kind, IReadOnlyList<string> Prompts)
{
    public const string Harmful = "harmful";
    public const string Harmless = "harmless";
    public const string XsTestUnsafe = "xstest_unsafe";
    public const string XsTestSafe = "xstest_safe";
}
