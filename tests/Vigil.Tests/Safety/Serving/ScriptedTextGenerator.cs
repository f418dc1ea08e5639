using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Serving;

/// <summary>
/// A deterministic policy stand-in: the completion of a prompt is <c>reply(prompt)</c>, emitted one character (token)
/// at a time and honouring the sampling contract — it stops after a stop string (kept in the text), at
/// MaxNewTokens (finish Length), or appends the end-of-sequence id when the reply is done. With
/// <paramref name="streams"/> it also implements the streaming hook; without, it is a plain <see cref="ITextGenerator"/>.
/// </summary>
internal class ScriptedTextGenerator : ITextGenerator
{
    private readonly Func<string, string> _reply;
    private int _active;

    public ScriptedTextGenerator(Func<string, string> reply) => _reply = reply;

    public ITextTokenizer Tokenizer { get; } = new CharacterTokenizer();

    /// <summary>Every prompt generated, with its options, in order.</summary>
    public List<(string Prompt, SamplingOptions Options)> Calls { get; } = new();

    /// <summary>The most generations that ever ran at once.</summary>
    public int MaxConcurrent { get; private set; }

    /// <summary>Time each generation holds the "device", so overlapping calls would be seen.</summary>
    public TimeSpan Hold { get; init; }

    /// <summary>When set, generation waits after this many characters until cancelled (at most 10 s).</summary>
    public int? PauseAfter { get; init; }

    /// <summary>Whether a generation ended because it was cancelled.</summary>
    public bool Cancelled { get; private set; }

    public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options) =>
        prompts.Select(p => Run(p, options, _ => { }, CancellationToken.None)).ToArray();

    protected GeneratedSequence Run(string prompt, SamplingOptions options, Action<string> onText, CancellationToken cancellation)
    {
        int active = Interlocked.Increment(ref _active);
        try
        {
            lock (Calls)
            {
                Calls.Add((prompt, options));
                MaxConcurrent = Math.Max(MaxConcurrent, active);
            }
            if (Hold > TimeSpan.Zero) Thread.Sleep(Hold);
            var target = _reply(prompt);
            var ids = new List<int>();
            var text = "";
            foreach (var c in target)
            {
                if (ids.Count == PauseAfter) cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                if (cancellation.IsCancellationRequested)
                {
                    Cancelled = true;
                    cancellation.ThrowIfCancellationRequested();
                }
                if (ids.Count == options.MaxNewTokens) return Done(FinishReason.Length);
                ids.Add(c + 2);
                text += c;
                onText(c.ToString());
                if (options.StopStrings.Any(s => text.EndsWith(s, StringComparison.Ordinal))) return Done(FinishReason.Stop);
            }
            if (ids.Count == options.MaxNewTokens) return Done(FinishReason.Length);
            ids.Add(Tokenizer.EndOfSequenceId);
            return Done(FinishReason.Stop);

            GeneratedSequence Done(FinishReason reason) => new(Tokenizer.Encode(prompt).ToArray(), ids.ToArray(), text, reason);
        }
        finally { Interlocked.Decrement(ref _active); }
    }
}

/// <summary>The same stand-in, reporting each character as it is produced.</summary>
internal sealed class StreamingScriptedTextGenerator : ScriptedTextGenerator, IStreamingTextGenerator
{
    public StreamingScriptedTextGenerator(Func<string, string> reply) : base(reply) { }

    public GeneratedSequence GenerateStreaming(string prompt, SamplingOptions options, Action<string> onText, CancellationToken cancellationToken = default) =>
        Run(prompt, options, onText, cancellationToken);
}
