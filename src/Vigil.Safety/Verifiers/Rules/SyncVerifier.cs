using Vigil.Safety.Verification;

namespace Vigil.Safety.Verifiers.Rules;

/// <summary>Base of the rule verifiers: each item is judged on its own, in memory, so the batch is a plain loop.</summary>
public abstract class SyncVerifier : IVerifier
{
    public abstract string Name { get; }

    public abstract Verdict VerifyOne(VerificationInput input);

    public Task<IReadOnlyList<Verdict>> VerifyAsync(IReadOnlyList<VerificationInput> batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var verdicts = new Verdict[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(batch[i], $"{nameof(batch)}[{i}]");
            verdicts[i] = VerifyOne(batch[i]);
        }
        return Task.FromResult<IReadOnlyList<Verdict>>(verdicts);
    }
}
