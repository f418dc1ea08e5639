namespace Vigil.Bots.Benchmark;

/// <summary>The three families of TwiBot-22's baselines, by the inputs they learn from.</summary>
public enum DetectorFamily
{
    /// <summary>Tabular features of profiles (and of tweets, where the paper used them).</summary>
    Feature,
    /// <summary>Text encoders over descriptions and tweets.</summary>
    Text,
    /// <summary>Graph neural networks over user–user edges.</summary>
    Graph,
}

public static class DetectorFamilies
{
    public static string Name(this DetectorFamily family) => family switch
    {
        DetectorFamily.Feature => "feature",
        DetectorFamily.Text => "text",
        DetectorFamily.Graph => "graph",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Not a detector family."),
    };
}
