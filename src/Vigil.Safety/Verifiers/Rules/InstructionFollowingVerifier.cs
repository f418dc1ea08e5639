using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>
/// Instruction-following rule: the answer part of the response is checked against the verifier's own constraints
/// (from the recipe) plus the item's <see cref="VerificationInput.Constraints"/>. Score = share of constraints met;
/// label <c>followed</c> when all are met, <c>violated</c> otherwise (the rationale names the failed ones). An item
/// with no constraints at all scores 1 (<c>no_constraints</c>).
/// </summary>
public sealed class InstructionFollowingVerifier : SyncVerifier
{
    public const string VerifierName = "instruction_following";

    private readonly IReadOnlyList<InstructionConstraint> _constraints;

    public InstructionFollowingVerifier(IReadOnlyList<InstructionConstraint>? constraints = null)
    {
        _constraints = constraints ?? Array.Empty<InstructionConstraint>();
        foreach (var c in _constraints) c.Validate();
    }

    public override string Name => VerifierName;

    public override Verdict VerifyOne(VerificationInput input)
    {
        var all = _constraints.Concat(input.Constraints ?? Array.Empty<InstructionConstraint>()).ToArray();
        if (all.Length == 0) return Verdict.Of(1, "no_constraints", "nothing to check");
        var answer = ThinkFormatVerifier.AnswerPart(input.Response);
        var failed = all.Where(c => !InstructionChecks.Satisfies(c, answer)).Select(c => c.Kind).ToArray();
        double score = (double)(all.Length - failed.Length) / all.Length;
        return failed.Length == 0
            ? Verdict.Of(1, "followed", $"all {all.Length} instructions met")
            : Verdict.Of(score, "violated", $"failed: {string.Join(", ", failed)}");
    }
}
