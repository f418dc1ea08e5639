using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Search;

/// <summary>The baseline: one sample to the end of the turn, no verifier.</summary>
public sealed class PlainSampling : IInferenceMethod
{
    private readonly IStepGenerator _generator;
    private readonly StepFormat _format;

    public PlainSampling(IStepGenerator generator, StepFormat? format = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _format = format ?? StepFormat.Lines;
    }

    public string Name => "plain";

    public async Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default)
    {
        var root = new ReasoningTrace(prompt, format: _format);
        var sample = (await _generator.FinishAsync(root, 1, cancellation).ConfigureAwait(false))[0];
        return new InferenceResult(Name, sample.Trace, (sample.Trace.Answer ?? "").Trim(), double.NaN, double.NaN, false, new ComputeUsage(sample.GeneratedTokens, 0));
    }
}
