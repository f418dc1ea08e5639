using Microsoft.ML.Tokenizers;
using Vigil.Safety.Policy.Tokenization;

namespace Vigil.Tests.Safety.Tokenization;

public class BpeTextTokenizerTests
{
    private static readonly Lazy<BpeTextTokenizer> Gpt2 = new(() => new BpeTextTokenizer(TokenizerJsonFile.Parse(Gpt2TiktokenConverter.TokenizerJson, "gpt2 tokenizer.json")));
    private static readonly Lazy<TiktokenTokenizer> Reference = new(() => TiktokenTokenizer.CreateForModel("gpt2"));

    private static readonly string[] Samples =
    {
        "Hello world! How are you doing today?",
        "I'm sure they'll say we've done it; don't you think?",
        "Numbers: 3.14159, 1,000,000 and 2026-11-28 at 12:30.",
        "  leading spaces,   runs of   spaces and a trailing space ",
        "Tabs\tand\nnew\n\nlines\r\n",
        "naïve café résumé — “quotes” and emoji 🙂🚀",
        "日本語のテキストと中文文本",
        "def f(x):\n    return x ** 2  # square",
        "Mia has 7 pens and buys 5 more. \\boxed{12}",
    };

    public static TheoryData<string> Texts => new(Samples);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Loaded_gpt2_json_gives_the_tiktoken_ids(string text)
    {
        var ids = Gpt2.Value.Encode(text);
        Assert.Equal(Reference.Value.EncodeToIds(text), ids);
        Assert.Equal(text, Gpt2.Value.Decode(ids));
    }

    [Fact]
    public void Special_tokens_are_single_ids_and_can_be_skipped()
    {
        var t = Gpt2.Value;
        Assert.Equal(50256, t.EndOfSequenceId);
        Assert.Equal(50256, t.PaddingId);
        var ids = t.Encode("Hi<|endoftext|>there");
        Assert.Equal(new[] { t.Encode("Hi")[0], 50256, t.Encode("there")[0] }, ids);
        Assert.Equal("Hi<|endoftext|>there", t.Decode(ids));
        Assert.Equal("Hithere", t.Decode(ids, skipSpecialTokens: true));
        Assert.Equal(50257, t.VocabularySize);
    }

    [Fact]
    public void Save_then_load_keeps_every_id()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-tok-");
        try
        {
            var path = Path.Combine(dir.FullName, "tokenizer.json");
            Gpt2.Value.Save(path);
            var reloaded = BpeTextTokenizer.Load(dir.FullName);
            Assert.Equal(Gpt2.Value.Definition.Merges, reloaded.Definition.Merges);
            foreach (var text in Samples)
                Assert.Equal(Gpt2.Value.Encode(text), reloaded.Encode(text));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void Qwen_style_sequence_pre_tokenizer_and_array_merges_are_read()
    {
        const string json = """
        {"added_tokens":[{"id":5,"content":"<|im_end|>","special":true},{"id":6,"content":"<think>","special":false}],
         "normalizer":{"type":"NFC"},
         "pre_tokenizer":{"type":"Sequence","pretokenizers":[
            {"type":"Split","pattern":{"Regex":"\\p{N}|[^\\p{N}]+"},"behavior":"Isolated","invert":false},
            {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":false,"use_regex":false}]},
         "model":{"type":"BPE","vocab":{"a":0,"b":1,"1":2,"2":3,"ab":4},"merges":[["a","b"]]}}
        """;
        var t = new BpeTextTokenizer(TokenizerJsonFile.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(new[] { 4, 2, 3, 6, 5 }, t.Encode("ab12<think><|im_end|>"));
        Assert.Equal(5, t.EndOfSequenceId);
        Assert.Equal("ab12<think>", t.Decode(new[] { 4, 2, 3, 6, 5 }, skipSpecialTokens: true));
        Assert.Equal(7, t.VocabularySize);
    }

    [Theory]
    [InlineData("""{"model":{"type":"WordPiece","vocab":{}}}""", "$.model.type")]
    [InlineData("""{"model":{"type":"BPE","vocab":{"a":-1}}}""", "$.model.vocab[\"a\"]")]
    [InlineData("""{"model":{"type":"BPE","vocab":{"a":0},"merges":["a"]}}""", "$.model.merges[0]")]
    [InlineData("""{"pre_tokenizer":{"type":"Whitespace"},"model":{"type":"BPE","vocab":{"a":0}}}""", "$.pre_tokenizer.type")]
    [InlineData("""{"model":{"type":"BPE","vocab":{"a":0}},"added_tokens":[{"id":"x"}]}""", "$.added_tokens[0]")]
    public void Bad_files_name_the_source_and_the_path(string json, string at)
    {
        var e = Assert.Throws<InvalidDataException>(() => TokenizerJsonFile.Parse(System.Text.Encoding.UTF8.GetBytes(json), "bad.json"));
        Assert.StartsWith($"bad.json: {at}:", e.Message);
    }
}
