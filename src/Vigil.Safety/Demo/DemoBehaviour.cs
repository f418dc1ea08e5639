namespace Vigil.Safety.Demo;

/// <summary>What a demo SFT response does with its prompt.</summary>
public enum DemoBehaviour
{
    /// <summary>Harmful prompt, refused with safety reasoning (the aligned target).</summary>
    Refusal,
    /// <summary>Harmful prompt, complied with (the unaligned base's unsafe compliance).</summary>
    UnsafeCompliance,
    /// <summary>Harmless prompt, answered (the aligned target).</summary>
    Helpful,
    /// <summary>Harmless prompt, refused (the unaligned base's over-refusal).</summary>
    NeedlessRefusal,
    /// <summary>Arithmetic problem, worked and boxed.</summary>
    Solution,
}
