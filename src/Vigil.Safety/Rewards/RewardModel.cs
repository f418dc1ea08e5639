using Vigil.Safety.Verification;

namespace Vigil.Safety.Rewards;

/// <summary>
/// Turns a <see cref="RewardRecipe"/> and a set of verifiers into rewards. Every verifier the recipe names must be
/// given (checked at construction). A batch is scored with one <see cref="IVerifier.VerifyAsync"/> call per verifier,
/// over all the samples that need it.
/// </summary>
public sealed class RewardModel
{
    private readonly Dictionary<string, IVerifier> _verifiers;

    public RewardRecipe Recipe { get; }

    public RewardModel(RewardRecipe recipe, IEnumerable<IVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(verifiers);
        Recipe = recipe;
        _verifiers = new Dictionary<string, IVerifier>(StringComparer.Ordinal);
        foreach (var v in verifiers)
            if (!_verifiers.TryAdd(v.Name, v)) throw new ArgumentException($"Two verifiers are named '{v.Name}'.", nameof(verifiers));
        var missing = recipe.VerifierNames().Where(n => !_verifiers.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
            throw new RewardRecipeException($"recipe '{recipe.Name}': verifier(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} are not available; given: {string.Join(", ", _verifiers.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>Synchronous form of <see cref="ScoreAsync"/>.</summary>
    public IReadOnlyList<RewardBreakdown> Score(IReadOnlyList<RewardSample> batch) => ScoreAsync(batch).GetAwaiter().GetResult();

    /// <summary>One breakdown per sample, in order. A sample whose label the recipe lacks is an error naming it.</summary>
    public async Task<IReadOnlyList<RewardBreakdown>> ScoreAsync(IReadOnlyList<RewardSample> batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var plans = new (RewardTermKind Kind, RewardTerm Term)[batch.Count][];
        var wanted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
        {
            var sample = batch[i] ?? throw new ArgumentException($"Sample {i} is null.", nameof(batch));
            if (!Recipe.Labels.TryGetValue(sample.Label, out var entry))
                throw new ArgumentException($"Sample {i} has label '{sample.Label}', which recipe '{Recipe.Name}' does not define; it defines: {string.Join(", ", Recipe.Labels.Keys)}.", nameof(batch));
            var plan = new List<(RewardTermKind, RewardTerm)>();
            if (entry.ApplyFormat && Recipe.Format is { } format) plan.Add((RewardTermKind.Format, format));
            plan.AddRange(entry.Verifiers.Select(t => (RewardTermKind.Verifier, t)));
            plan.AddRange(entry.Rules.Select(t => (RewardTermKind.Rule, t)));
            plans[i] = plan.ToArray();
            foreach (var (_, term) in plans[i])
            {
                if (!wanted.TryGetValue(term.Verifier, out var list)) wanted[term.Verifier] = list = new List<int>();
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        var verdicts = new Dictionary<(string, int), Verdict>();
        foreach (var (name, samples) in wanted)
        {
            var inputs = samples.Select(i => batch[i].Input).ToArray();
            var results = await _verifiers[name].VerifyAsync(inputs, cancellation).ConfigureAwait(false);
            if (results.Count != inputs.Length) throw new InvalidOperationException($"Verifier '{name}' returned {results.Count} verdicts for {inputs.Length} items.");
            for (int k = 0; k < samples.Count; k++) verdicts[(name, samples[k])] = results[k];
        }
        var breakdowns = new RewardBreakdown[batch.Count];
        for (int i = 0; i < batch.Count; i++)
            breakdowns[i] = new RewardBreakdown(batch[i].Label,
                plans[i].Select(p => new RewardPart(p.Kind, p.Term.Verifier, p.Term.Weight, verdicts[(p.Term.Verifier, i)])).ToArray());
        return breakdowns;
    }
}
