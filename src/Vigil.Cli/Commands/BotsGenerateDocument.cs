using Vigil.Bots.Generation;

namespace Vigil.Cli.Commands;

/// <summary>The JSON shape of <c>vigil bots generate --json</c>.</summary>
public sealed record BotsGenerateDocument(GeneratedDatasetSummary Dataset, int Seed, double Difficulty, double BotShare, double Seconds, double PeakMemoryMb);
