namespace Vigil.Safety.Training.Sft;

/// <summary>One supervised example: the prompt (chat template applied) and the target response (end token included), as ids.</summary>
public sealed record SftExample(int[] PromptIds, int[] ResponseIds)
{
    /// <summary>Refuses an example with an empty prompt or response, naming it as "<paramref name="what"/> i".</summary>
    public static void EnsureNonEmpty(IReadOnlyList<SftExample> examples, string what, string paramName)
    {
        for (int i = 0; i < examples.Count; i++)
            if (examples[i].PromptIds.Length == 0 || examples[i].ResponseIds.Length == 0)
                throw new ArgumentException($"{what} {i} has an empty {(examples[i].PromptIds.Length == 0 ? "prompt" : "response")}.", paramName);
    }
}
