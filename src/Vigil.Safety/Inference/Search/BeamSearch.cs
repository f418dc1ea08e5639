using Vigil.Safety.Inference.Retrieval;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;
using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Search;

/// <summary>
/// Deliberative step-level beam search with process scoring. Each round every open beam proposes
/// <see cref="BeamSearchOptions.Expansions"/> next steps; all children are scored by the verifiers in one batch
/// (a child's score is its latest prefix's value); masked children are dropped; children that concluded join the
/// finished pool; the best <see cref="BeamSearchOptions.Width"/> open children stay (ties: earlier first), the rest
/// are pruned. Search ends when no beam is open, the pool holds Width answers, or after MaxSteps rounds, when each
/// open beam is made to answer. The best finished trace wins.
/// </summary>
public sealed class BeamSearch : IInferenceMethod
{
    private readonly IStepGenerator _generator;
    private readonly TraceScorer _scorer;
    private readonly BeamSearchOptions _options;
    private readonly StepFormat _format;

    public BeamSearch(IStepGenerator generator, TraceScorer scorer, BeamSearchOptions options, StepFormat? format = null)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _format = format ?? StepFormat.Lines;
    }

    public AbstentionPolicy Abstention { get; init; } = AbstentionPolicy.Never;
    public RetrievalAction? Retrieval { get; init; }

    public string Name => "beam_search";

    public async Task<InferenceResult> RunAsync(string prompt, PromptKind kind, CancellationToken cancellation = default)
    {
        var meter = new ComputeMeter();
        var root = new ReasoningTrace(prompt, format: _format);
        var open = new List<ReasoningTrace> { root };
        var finished = new List<(ReasoningTrace Trace, double Score)>();
        var rounds = new List<BeamRound>();
        for (int step = 0; step < _options.MaxSteps && open.Count > 0 && finished.Count < _options.Width; step++)
        {
            var children = new List<ReasoningTrace>();
            foreach (var beam in open)
            {
                var candidates = await _generator.ProposeAsync(beam, _options.Expansions, cancellation).ConfigureAwait(false);
                meter.AddTokens(candidates.Sum(c => (long)c.GeneratedTokens));
                // A candidate that neither adds a step nor answers leaves the beam where it was: nothing to score.
                children.AddRange(candidates.Where(c => c.Concludes || c.Step.Length > 0).Select(c => c.ApplyTo(beam)));
            }
            var scores = await _scorer.ScoreAsync(children, kind, meter, cancellation).ConfigureAwait(false);
            var next = new List<(ReasoningTrace Trace, double Score)>();
            int masked = 0, concluded = 0;
            for (int i = 0; i < children.Count; i++)
            {
                if (scores[i].Masked) { masked++; continue; }
                if (children[i].IsConcluded) { finished.Add((children[i], scores[i].Value)); concluded++; }
                else next.Add((children[i], scores[i].Value));
            }
            var kept = next.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.i).Take(_options.Width).Select(x => x.c).ToArray();
            rounds.Add(new BeamRound(step, children.Count, masked, concluded, kept.Select(k => k.Score).ToArray(), next.Count - kept.Length));
            open = new List<ReasoningTrace>();
            foreach (var (trace, _) in kept)
                open.Add(Retrieval is null ? trace : await Retrieval.ApplyAsync(trace, meter, cancellation).ConfigureAwait(false));
        }
        if (finished.Count < _options.Width && open.Count > 0)
        {
            var answers = new List<ReasoningTrace>();
            foreach (var beam in open)
            {
                var answer = (await _generator.AnswerAsync(beam, 1, cancellation).ConfigureAwait(false))[0];
                meter.AddTokens(answer.GeneratedTokens);
                answers.Add(answer.ApplyTo(beam));
            }
            var scores = await _scorer.ScoreAsync(answers, kind, meter, cancellation).ConfigureAwait(false);
            for (int i = 0; i < answers.Count; i++)
                if (!scores[i].Masked) finished.Add((answers[i], scores[i].Value));
        }
        int best = -1;
        for (int i = 0; i < finished.Count; i++)
            if (best < 0 || finished[i].Score > finished[best].Score) best = i;
        var chosen = best < 0 ? null : finished[best].Trace;
        double score = best < 0 ? double.NaN : finished[best].Score;
        return ResultDecision.Make(Name, root, chosen, score, score, Abstention, meter.Snapshot()) with { Rounds = rounds };
    }
}
