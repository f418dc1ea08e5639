namespace Vigil.Safety.Demo.Pipeline;

/// <summary>Where <c>vigil safety demo</c> writes by default, and where the trained demo policy then lives (what
/// <c>vigil safety serve</c> and <c>chat</c> use when given no model).</summary>
public static class DemoPaths
{
    public static string DefaultOutput => Path.Combine(Vigil.Core.CacheDirectory.Root(), "safety-demo");

    /// <summary>The RL policy of a demo run in <paramref name="output"/> (Hugging Face layout with tokenizer.json).</summary>
    public static string RlPolicy(string output) => Path.Combine(output, "rl");

    /// <summary>The SFT policy of a demo run in <paramref name="output"/>.</summary>
    public static string SftPolicy(string output) => Path.Combine(output, "sft");
}
