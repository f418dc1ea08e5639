namespace Vigil.Safety.Demo.Pipeline;

/// <summary>
/// Sizes and hyper-parameters of the scaled-down co-evolution experiment. The defaults are the ones docs/safety-ladder.md
/// reports: they fit the demo in under 20 minutes on 2 CPU cores.
/// </summary>
public sealed record CoEvolutionDemoOptions
{
    public int Seed { get; init; } = 0;
    public SafetyTaskMixOptions Mix { get; init; } = new();
    public int ArithmeticTrainCount { get; init; } = 3000;
    /// <summary>
    /// Held-out arithmetic problems, decoded greedily. 500, because the claim is "within one point": at the SFT
    /// policy's ~6 % a 100-problem estimate has a binomial standard error of 2.4 points, 500 about 1.
    /// </summary>
    public int ArithmeticHeldOutCount { get; init; } = 500;
    /// <summary>Extra harmless instructions (prompts only) in the pre-training text, for vocabulary breadth.</summary>
    public int PretrainingExtraInstructions { get; init; } = 4000;
    public int VocabularySize { get; init; } = 2048;
    public int MaxSequenceTokens { get; init; } = 256;

    public int PretrainSteps { get; init; } = 400;
    public double PretrainLearningRate { get; init; } = 2e-3;
    public int SftSteps { get; init; } = 300;
    public double SftLearningRate { get; init; } = 1e-3;
    public int BatchSize { get; init; } = 16;

    /// <summary>M³-RL steps (safety, harmless and arithmetic prompts together).</summary>
    public int MultiObjectiveSteps { get; init; } = 120;
    /// <summary>Safe-and-efficient RL steps (shorter reasoning rewarded among safe/correct answers).</summary>
    public int EfficiencySteps { get; init; } = 20;
    public double LengthRewardWeight { get; init; } = 0.2;
    /// <summary>
    /// How sure the verifiers must be (mean principle score) before brevity pays: the safety verifier's score is a
    /// probability, so at 0.5 a short, borderline answer out-earns a longer, clearly safe one.
    /// </summary>
    public double LengthRewardGate { get; init; } = 0.8;
    public int PromptsPerStep { get; init; } = 8;
    public int GroupSize { get; init; } = 8;
    public int MaxNewTokens { get; init; } = 96;
    public double RlLearningRate { get; init; } = 3e-4;
    public double KlCoefficient { get; init; } = 0.001;
    /// <summary>
    /// Weight of the supervised replay of the SFT arithmetic examples during RL (PPO-ptx; 0 turns it off): RL steps
    /// large enough to lift safety otherwise erode the small policy's arithmetic.
    /// </summary>
    public double ReplayCoefficient { get; init; } = 0.3;
    /// <summary>
    /// Share of arithmetic problems among the RL prompts; harmful and harmless prompts split the rest equally. At the
    /// SFT policy's ~9 % accuracy dynamic sampling drops many arithmetic groups (every sample earns the same reward),
    /// but a smaller share is no free gain: at 0.2 with 140 steps RL collapsed onto one content-free template
    /// (docs/safety-ladder.md).
    /// </summary>
    public double RlArithmeticShare { get; init; } = 1.0 / 3;

    /// <summary>
    /// RL on safety prompts pre-training and SFT never used (<see cref="FreshRlPrompts"/>) instead of the SFT's own
    /// harmful and harmless prompts, which the small policy has memorised.
    /// </summary>
    public bool FreshRlPrompts { get; init; } = true;

    /// <summary>
    /// Share of the fresh harmless RL prompts that are the ones looking most harmful (<see cref="LookalikeHarmlessPrompts"/>:
    /// "help protect a phone from malware"), the hard negatives of the refuse-or-answer decision; the rest are random.
    /// </summary>
    public double LookalikeHarmlessShare { get; init; } = 0;

    /// <summary>
    /// Share of each kind of fresh RL safety prompt asked as a question (<see cref="QuestionFormPrompts"/>). AdvBench,
    /// the harmful pool, holds no question while about 12% of the harmless pool are questions, so without this the
    /// form of a request predicts its label in RL.
    /// </summary>
    public double RlQuestionShare { get; init; } = 0;

    /// <summary>
    /// The RL reward recipe (JSON); null: the shipped <c>safeladder-demo.json</c>. A recipe may name the verifiers
    /// safe_behaviour, normal, boxed_answer, think_format, stutter, answer_steps, reasoning_consistency, refusal_phrase and task_restatement,
    /// and must score the labels safety, harmless and math.
    /// </summary>
    public string? RecipePath { get; init; }

    /// <summary>Evaluate on a subset every this many RL steps for the per-step curves (0: only before and after).</summary>
    public int EvaluateEvery { get; init; } = 10;
    public int CurveSubsetPerSet { get; init; } = 30;

    /// <summary>Reasoning positions the probe reads (from the completion's first token).</summary>
    public int ProbePositions { get; init; } = 32;

    /// <summary>Sentence-embedding cache for the learned verifier (speeds up repeated runs).</summary>
    public string? CacheDirectory { get; init; }

    public void Validate()
    {
        void AtLeast(int value, int minimum, string name)
        {
            if (value < minimum) throw new ArgumentOutOfRangeException(name, $"demo option {name} must be ≥ {minimum}, got {value}.");
        }
        AtLeast(ArithmeticTrainCount, 1, nameof(ArithmeticTrainCount));
        AtLeast(ArithmeticHeldOutCount, 1, nameof(ArithmeticHeldOutCount));
        AtLeast(PretrainingExtraInstructions, 0, nameof(PretrainingExtraInstructions));
        AtLeast(VocabularySize, 300, nameof(VocabularySize));
        AtLeast(MaxSequenceTokens, 32, nameof(MaxSequenceTokens));
        AtLeast(PretrainSteps, 1, nameof(PretrainSteps));
        AtLeast(SftSteps, 1, nameof(SftSteps));
        AtLeast(BatchSize, 1, nameof(BatchSize));
        AtLeast(MultiObjectiveSteps, 1, nameof(MultiObjectiveSteps));
        AtLeast(EfficiencySteps, 0, nameof(EfficiencySteps));
        AtLeast(PromptsPerStep, 1, nameof(PromptsPerStep));
        AtLeast(GroupSize, 2, nameof(GroupSize));
        AtLeast(MaxNewTokens, 8, nameof(MaxNewTokens));
        AtLeast(EvaluateEvery, 0, nameof(EvaluateEvery));
        AtLeast(CurveSubsetPerSet, 1, nameof(CurveSubsetPerSet));
        AtLeast(ProbePositions, 1, nameof(ProbePositions));
        if (!(ReplayCoefficient >= 0) || !double.IsFinite(ReplayCoefficient))
            throw new ArgumentOutOfRangeException(nameof(ReplayCoefficient), $"demo option {nameof(ReplayCoefficient)} must be a finite number ≥ 0, got {ReplayCoefficient}.");
        // Shares that shape the fresh RL prompts: in [0, 1], and 0 unless RL uses fresh prompts.
        void FreshPromptShare(double value, string name, string effect)
        {
            if (!(value >= 0 && value <= 1))
                throw new ArgumentOutOfRangeException(name, $"demo option {name} must lie in [0, 1], got {value}.");
            if (value > 0 && !FreshRlPrompts)
                throw new ArgumentException($"demo option {name} {effect} the fresh RL prompts; with the SFT's own prompts (--rl-prompts sft) it must be 0.", name);
        }
        FreshPromptShare(LookalikeHarmlessShare, nameof(LookalikeHarmlessShare), "picks among");
        FreshPromptShare(RlQuestionShare, nameof(RlQuestionShare), "rephrases");
        if (!(RlArithmeticShare >= 0 && RlArithmeticShare < 1))
            throw new ArgumentOutOfRangeException(nameof(RlArithmeticShare), $"demo option {nameof(RlArithmeticShare)} must be in [0, 1), got {RlArithmeticShare}.");
        new Training.Grpo.LengthEfficiencyReward(LengthRewardWeight, LengthRewardGate).Validate("demo length reward");
        Mix.Validate();
    }
}
