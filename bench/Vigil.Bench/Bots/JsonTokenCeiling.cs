using System.Diagnostics;
using System.Text.Json;

namespace Vigil.Bench.Bots;

/// <summary>
/// The ceiling for any Utf8JsonReader-based reader: the same files tokenised with nothing done per token (same 1 MiB
/// buffer scheme as the reader), reported in MB per wall second and per CPU second.
/// </summary>
internal static class JsonTokenCeiling
{
    public static (long Bytes, long Tokens, double Seconds, double CpuSeconds) Tokenise(IEnumerable<string> paths)
    {
        var buffer = new byte[1 << 20];
        long bytes = 0, tokens = 0;
        var process = Process.GetCurrentProcess();
        double cpu0 = process.TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
            int filled = 0;
            bool final = false;
            while (true)
            {
                while (!final && filled < buffer.Length)
                {
                    int n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0) final = true;
                    filled += n;
                }
                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (reader.Read()) tokens++;
                if (final) break;
                int consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
            bytes += stream.Length;
        }
        process.Refresh();
        return (bytes, tokens, clock.Elapsed.TotalSeconds, process.TotalProcessorTime.TotalSeconds - cpu0);
    }
}
