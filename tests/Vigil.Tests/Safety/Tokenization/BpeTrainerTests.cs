using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Tokenization;

namespace Vigil.Tests.Safety.Tokenization;

public class BpeTrainerTests
{
    private static readonly string[] Corpus = Enumerable.Range(0, 300).Select(i =>
        $"<|user|>Mia has {i % 17} pens and buys {i % 9} more. How many pens does Mia have?<|end|><|assistant|><think>{i % 17} + {i % 9} = {i % 17 + i % 9}.</think>Mia has \\boxed{{{i % 17 + i % 9}}} pens.<|end|>\n"
        + (i % 3 == 0 ? "I'm sorry, but I can't help with that request. " : "Sure, here is a short answer about the topic. ")).ToArray();

    [Fact]
    public void First_merges_follow_the_pair_counts()
    {
        // Words "aaab", " aab", " ab": pairs aa = 3 and ab = 3 tie (aa has the smaller ids), then ab = 2 leads.
        var definition = new BpeTrainer(256 + 2, Array.Empty<string>()).Learn(new[] { "aaab aab ab" });
        Assert.Equal(new[] { new BpeMerge("a", "a"), new BpeMerge("a", "b") }, definition.Merges);
        Assert.Equal(256, definition.Vocabulary["aa"]);
        Assert.Equal(257, definition.Vocabulary["ab"]);
    }

    [Fact]
    public void Trained_tokenizer_round_trips_and_compresses()
    {
        var tokenizer = new BpeTrainer(320, BpeTrainer.DemoSpecialTokens).Train(Corpus);
        Assert.Equal(320, tokenizer.VocabularySize);
        foreach (var text in Corpus.Take(20).Append("unseen wörds, ünïcode 🙂 and 12345 \t tabs\n"))
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        long bytes = Corpus.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t));
        long tokens = Corpus.Sum(t => tokenizer.Encode(t).Count);
        Assert.True(tokens * 2 < bytes, $"{tokens} tokens for {bytes} bytes");
    }

    [Fact]
    public void Training_stops_when_every_word_is_one_token()
    {
        // Words "ab" ×1 and " ab" ×2: merging a b (3) then Ġ ab (2) makes each word one token; no pair is left.
        var definition = new BpeTrainer(1000, new[] { "<|end|>" }).Learn(new[] { "ab ab ab" });
        Assert.Equal(2, definition.Merges.Count);
        Assert.Equal(256 + 2 + 1, definition.Vocabulary.Count);
    }

    [Fact]
    public void Specials_are_single_ids_and_name_the_end_and_padding()
    {
        var tokenizer = new BpeTrainer(300, BpeTrainer.DemoSpecialTokens).Train(Corpus);
        var ids = BpeTrainer.DemoSpecialTokens.Select(s => Assert.Single(tokenizer.Encode(s))).ToArray();
        Assert.Equal(Enumerable.Range(300 - 7, 7), ids);
        Assert.Equal(tokenizer.AddedTokenId(ChatTemplate.Demo.EndOfTurn), tokenizer.EndOfSequenceId);
        Assert.Equal(tokenizer.AddedTokenId("<|pad|>"), tokenizer.PaddingId);
        var prompt = ChatTemplate.Demo.Prompt("Hi");
        Assert.Equal(new[] { ids[0] }.Concat(tokenizer.Encode("Hi")).Concat(new[] { ids[3], ids[1] }), tokenizer.Encode(prompt));
    }

    [Fact]
    public void Training_is_deterministic_and_survives_a_save()
    {
        var a = new BpeTrainer(330, BpeTrainer.DemoSpecialTokens).Learn(Corpus);
        var b = new BpeTrainer(330, BpeTrainer.DemoSpecialTokens).Learn(Corpus);
        Assert.Equal(a.Merges, b.Merges);
        var dir = Directory.CreateTempSubdirectory("vigil-bpe-");
        try
        {
            var path = Path.Combine(dir.FullName, "tokenizer.json");
            new BpeTextTokenizer(a).Save(path);
            var reloaded = BpeTextTokenizer.Load(path);
            Assert.Equal(a.Merges, reloaded.Definition.Merges);
            Assert.Equal(new BpeTextTokenizer(a).Encode(Corpus[7]), reloaded.Encode(Corpus[7]));
        }
        finally { dir.Delete(recursive: true); }
    }
}
