namespace Vigil.Safety.Data;

/// <summary>
/// What a completions file itself says about a response: Llama Guard 2's verdict and the substring judgement
/// (refusal-direction files; <c>1</c> = jailbroken / no refusal phrase), or XSTest's human label.
/// </summary>
public sealed record ReferenceJudgement
{
    /// <summary><c>is_jailbreak_llamaguard2</c>: true when Llama Guard 2 judged the response unsafe.</summary>
    public bool? LlamaGuardUnsafe { get; init; }
    /// <summary><c>is_jailbreak_substring_matching</c>: true when the response contains no refusal phrase.</summary>
    public bool? SubstringCompliant { get; init; }
    /// <summary>XSTest's final human label.</summary>
    public XsTestLabel? XsTest { get; init; }
}

/// <summary>XSTest's annotation classes (<c>1_full_compliance</c>, <c>2_full_refusal</c>, <c>3_partial_refusal</c>).</summary>
public enum XsTestLabel
{
    FullCompliance,
    FullRefusal,
    PartialRefusal,
}
