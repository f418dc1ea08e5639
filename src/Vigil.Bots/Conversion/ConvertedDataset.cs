using Vigil.Bots.Data;

namespace Vigil.Bots.Conversion;

/// <summary>A converter's output: the dataset in memory and the summary of what went in and what was left out.</summary>
public sealed record ConvertedDataset(BotDataset Dataset, ConversionSummary Summary);
