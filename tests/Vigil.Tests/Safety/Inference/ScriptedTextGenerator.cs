using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Inference;

/// <summary>
/// A deterministic <see cref="ITextGenerator"/>: the script maps (assistant text so far, row of the batch) to the
/// model's whole continuation; the generator cuts it at the first stop string (kept, as the contract says) or after
/// MaxNewTokens characters, and records every prompt it was sent.
/// </summary>
internal sealed class ScriptedTextGenerator : ITextGenerator
{
    private readonly Func<string, int, string> _script;
    private readonly string _assistantHeader;

    public ScriptedTextGenerator(Func<string, int, string> script, string assistantHeader = "<|assistant|>")
    {
        _script = script;
        _assistantHeader = assistantHeader;
    }

    public List<string> Prompts { get; } = new();
    public List<SamplingOptions> Options { get; } = new();
    public ITextTokenizer Tokenizer { get; } = new CharTokenizer();

    public IReadOnlyList<GeneratedSequence> Generate(IReadOnlyList<string> prompts, SamplingOptions options)
    {
        Options.Add(options);
        var result = new List<GeneratedSequence>();
        for (int row = 0; row < prompts.Count; row++)
        {
            Prompts.Add(prompts[row]);
            var assistant = prompts[row][(prompts[row].LastIndexOf(_assistantHeader, StringComparison.Ordinal) + _assistantHeader.Length)..];
            var full = _script(assistant, row);
            int cut = -1;
            foreach (var stop in options.StopStrings)
            {
                int at = full.IndexOf(stop, StringComparison.Ordinal);
                if (at >= 0 && (cut < 0 || at + stop.Length < cut)) cut = at + stop.Length;
            }
            var reason = FinishReason.Stop;
            var text = cut >= 0 ? full[..cut] : full;
            if (text.Length > options.MaxNewTokens) { text = text[..options.MaxNewTokens]; reason = FinishReason.Length; }
            result.Add(new GeneratedSequence(Tokenizer.Encode(prompts[row]).ToArray(), Tokenizer.Encode(text).ToArray(), text, reason));
        }
        return result;
    }
}
