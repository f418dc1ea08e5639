namespace Vigil.Safety.Inference.Scoring;

/// <summary>Counts the compute an inference method spends: tokens sampled and verifier calls (one item judged by one verifier).</summary>
public sealed class ComputeMeter
{
    private long _tokens;
    private long _verifierCalls;

    public long GeneratedTokens => Interlocked.Read(ref _tokens);
    public long VerifierCalls => Interlocked.Read(ref _verifierCalls);

    public void AddTokens(long tokens) => Interlocked.Add(ref _tokens, tokens);
    public void AddVerifierCalls(long calls) => Interlocked.Add(ref _verifierCalls, calls);

    public ComputeUsage Snapshot() => new(GeneratedTokens, VerifierCalls);
}

/// <summary>Compute spent by one run.</summary>
public sealed record ComputeUsage(long GeneratedTokens, long VerifierCalls)
{
    public static ComputeUsage operator +(ComputeUsage a, ComputeUsage b) => new(a.GeneratedTokens + b.GeneratedTokens, a.VerifierCalls + b.VerifierCalls);
}
