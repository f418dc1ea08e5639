using Vigil.Safety.Inference.Retrieval;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Search;

/// <summary>
/// Automated intervention: at every step the generator proposes k candidates, the verifiers score each candidate's
/// trace, candidates a gate judges unsafe are masked, and the highest-valued survivor is kept (re-ranking). When all
/// are masked the step is resampled; when resampling fails too, the model is made to answer from the last safe
/// prefix, and if every answer is masked as well the method abstains.
/// </summary>
public sealed class ValueGuidedIntervention : IInferenceMethod
{
    private readonly IStepGenerator _generator;
    private readonly TraceScorer _scorer;
    private readonly ValueGuidedOptions _options;
    private readonly StepFormat _format;

    public ValueGuidedIntervention(IStepGenerator generator, TraceScorer scorer, ValueGuidedOptions options, StepFormat? format = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _format = format ?? StepFormat.Lines;
    }

    public AbstentionPolicy Abstention { get; init; } = AbstentionPolicy.Never;
    public RetrievalAction? Retrieval { get; init; }

    public string Name => "value_guided";

    public async Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default)
    {
        var meter = new ComputeMeter();
        var root = new ReasoningTrace(prompt, format: _format);
        var trace = root;
        var decisions = new List<StepDecision>();
        double lastScore = double.NaN;
        for (int step = 0; step < _options.MaxSteps && !trace.IsConcluded; step++)
        {
            StepDecision? decision = null;
            for (int attempt = 0; attempt <= _options.Resamples; attempt++)
            {
                var candidates = await _generator.ProposeAsync(trace, _options.Candidates, cancellation).ConfigureAwait(false);
                decision = await DecideAsync(step, trace, candidates, kind, meter, cancellation).ConfigureAwait(false);
                decisions.Add(decision);
                if (decision.Chosen >= 0) break;
            }
            if (decision!.Chosen < 0) break;
            lastScore = decision.Scores[decision.Chosen].Value;
            trace = decision.Candidates[decision.Chosen].ApplyTo(trace);
            if (Retrieval is not null) trace = await Retrieval.ApplyAsync(trace, meter, cancellation).ConfigureAwait(false);
        }
        if (!trace.IsConcluded)
        {
            var answers = await _generator.AnswerAsync(trace, _options.Candidates, cancellation).ConfigureAwait(false);
            var decision = await DecideAsync(decisions.Count == 0 ? 0 : decisions[^1].Step + 1, trace, answers, kind, meter, cancellation).ConfigureAwait(false);
            decisions.Add(decision);
            if (decision.Chosen < 0)
                return ResultDecision.Make(Name, trace, null, double.NaN, double.NaN, Abstention, meter.Snapshot()) with { Decisions = decisions };
            lastScore = decision.Scores[decision.Chosen].Value;
            trace = decision.Candidates[decision.Chosen].ApplyTo(trace);
        }
        return ResultDecision.Make(Name, root, trace, lastScore, lastScore, Abstention, meter.Snapshot()) with { Decisions = decisions };
    }

    /// <summary>Scores the candidates' traces and picks the best unmasked one; an empty non-answer counts as masked (it adds nothing).</summary>
    private async Task<StepDecision> DecideAsync(int step, ReasoningTrace trace, IReadOnlyList<StepCandidate> candidates, PromptKind kind,
        ComputeMeter meter, CancellationToken cancellation)
    {
        meter.AddTokens(candidates.Sum(c => (long)c.GeneratedTokens));
        var scores = (await _scorer.ScoreAsync(candidates.Select(c => c.ApplyTo(trace)).ToArray(), kind, meter, cancellation).ConfigureAwait(false)).ToArray();
        for (int i = 0; i < candidates.Count; i++)
            if (!candidates[i].Concludes && candidates[i].Step.Length == 0) scores[i] = scores[i] with { Masked = true };
        int chosen = -1;
        for (int i = 0; i < scores.Length; i++)
            if (!scores[i].Masked && (chosen < 0 || scores[i].Value > scores[chosen].Value)) chosen = i;
        return new StepDecision(step, candidates, scores, chosen);
    }
}
