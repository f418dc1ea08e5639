using Vigil.Bots.IO;

namespace Vigil.Bots.Conversion;

/// <summary>Converts a dataset of a <see cref="SourceFormat"/> and writes it in the TwiBot-22 layout with <see cref="TwiBotWriter"/>.</summary>
public static class DatasetConverter
{
    public static ConvertedDataset Convert(SourceFormat format, string source, ConversionOptions? options = null) => format switch
    {
        SourceFormat.Cresci2015 => Cresci2015Converter.Convert(source, options),
        SourceFormat.TwiBot20 => TwiBot20Converter.Convert(source, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a source format."),
    };

    /// <summary>Converts <paramref name="source"/> and writes it to <paramref name="outputDirectory"/> (user.json, tweet_N.json, edge.csv, label.csv, split.csv).</summary>
    public static ConvertedDataset ConvertAndWrite(SourceFormat format, string source, string outputDirectory, ConversionOptions? options = null)
    {
        var converted = Convert(format, source, options);
        options?.Progress?.Invoke($"writing {outputDirectory}");
        TwiBotWriter.Write(converted.Dataset, outputDirectory);
        return converted;
    }
}
