namespace Vigil.Safety.Verification;

/// <summary>
/// Judges (prompt, response) pairs. Verifiers are batched and asynchronous because the expensive ones (an encoder,
/// a judge model behind a network) amortise cost over many items; <see cref="VerifyAsync"/> returns one verdict per
/// input, in input order.
/// </summary>
public interface IVerifier
{
    /// <summary>Short snake_case name, the key reward recipes refer to.</summary>
    string Name { get; }

    Task<IReadOnlyList<Verdict>> VerifyAsync(IReadOnlyList<VerificationInput> batch, CancellationToken cancellation = default);
}
