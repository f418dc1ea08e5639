namespace Vigil.Safety.Demo;

/// <summary>The reward-recipe labels of the demo's task mix (the entries of <c>Rewards/Recipes/safeladder-demo.json</c>).</summary>
public static class DemoTaskLabels
{
    /// <summary>Harmful instructions: judged by the safety verifier (refusal or warning is safe).</summary>
    public const string Safety = "safety";
    /// <summary>Harmless instructions: judged for needless refusal.</summary>
    public const string Harmless = "harmless";
    /// <summary>Arithmetic word problems: judged by the boxed answer.</summary>
    public const string Math = "math";
}
