using System.Text;
using Vigil.Safety.Policy;

namespace Vigil.Tests.Safety.Serving;

public sealed class IncrementalTextDecoderTests
{
    /// <summary>Byte-level ids: a multi-byte character spans several tokens, as in GPT-2 style BPE.</summary>
    private sealed class ByteTokenizer : ITextTokenizer
    {
        public int VocabularySize => 256;
        public int EndOfSequenceId => 0;
        public int PaddingId => 0;
        public IReadOnlyList<int> Encode(string text) => Encoding.UTF8.GetBytes(text).Select(b => (int)b).ToArray();
        public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) => Encoding.UTF8.GetString(ids.Select(i => (byte)i).ToArray());
    }

    [Fact]
    public void A_character_split_over_tokens_is_emitted_once_complete()
    {
        var decoder = new IncrementalTextDecoder(new ByteTokenizer());
        var pieces = Encoding.UTF8.GetBytes("aé€!").Select(b => decoder.Append(b)).ToList();

        // a | é = C3 A9 | € = E2 82 AC | !
        Assert.Equal(new[] { "a", "", "é", "", "", "€", "!" }, pieces);
        Assert.Equal("", decoder.Flush());
    }

    [Fact]
    public void An_unfinished_character_is_released_by_flush()
    {
        var decoder = new IncrementalTextDecoder(new ByteTokenizer());
        Assert.Equal("x", decoder.Append('x'));
        Assert.Equal("", decoder.Append(0xE2));
        Assert.Equal("\uFFFD", decoder.Flush());
    }
}
