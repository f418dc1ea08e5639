using Vigil.Safety.Verification;

namespace Vigil.Safety.Inference.Experiment;

/// <summary>One evaluation prompt: the set it belongs to (<see cref="ExperimentPrompts"/> names them), its text and what is known about it.</summary>
public sealed record ExperimentPrompt(string Set, string Prompt, PromptKind Kind);
