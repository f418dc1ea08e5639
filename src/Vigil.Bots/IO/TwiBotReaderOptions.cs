using Vigil.Bots.Validation;

namespace Vigil.Bots.IO;

/// <summary>How <see cref="TwiBotReader"/> reads a dataset folder.</summary>
public sealed record TwiBotReaderOptions
{
    public const int DefaultBufferSize = 1 << 20;

    /// <summary>What each problem does; <see cref="ValidationPolicy.Strict"/> by default.</summary>
    public ValidationPolicy Policy { get; init; } = ValidationPolicy.Strict;

    /// <summary>
    /// True (the default): the first problem whose action is <see cref="ProblemAction.Error"/> throws
    /// <see cref="BotDataFormatException"/>. False: every problem is counted in the report and the read goes on,
    /// skipping what is wrong (how <c>vigil bots validate</c> lists them all).
    /// </summary>
    public bool StopAtFirstError { get; init; } = true;

    /// <summary>Keep tweet texts (false for graph baselines, which never read them: saves most of the tweets' memory).</summary>
    public bool LoadTweetText { get; init; } = true;

    /// <summary>Bytes of the one read buffer per file; it doubles only for a single token larger than this.</summary>
    public int BufferSize { get; init; } = DefaultBufferSize;

    /// <summary>
    /// Threads that parse the entity files of a TwiBot-22 folder at once, each file into a part merged in file order
    /// (the result is the same as with 1, which reads one file after another on the calling thread). Two by default
    /// (one on a single-core machine): on the 1M-user set, idle, 2 threads read about 1.7× faster per wall second
    /// (860–991 against 508–543 MB/s) for about the same CPU time, and raise peak memory from 3.2 to 3.5–3.8 GB
    /// (docs/bots-data.md); more threads hold more parts in memory for little gain on 2 cores.
    /// </summary>
    public int Parallelism { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>
    /// True (the default): entity records of the usual TwiBot-22 shape are read straight from the bytes by a scanner,
    /// which leaves any other record to the token-by-token parser (so the result, problems and errors are the same).
    /// False: every record is read token by token with Utf8JsonReader; slower, kept to test and measure the scanner against.
    /// </summary>
    public bool ScanRecords { get; init; } = true;

    /// <summary>Called after each file is read, with its size and the time it took (throughput benchmarks use it).</summary>
    public Action<TwiBotFileRead>? FileRead { get; init; }

    /// <summary>Examples kept per problem in the report.</summary>
    public int ExamplesPerProblem { get; init; } = ValidationReport.DefaultExamplesPerProblem;
}
