using Vigil.Safety.Serving;

namespace Vigil.Tests.Safety.Serving;

public sealed class StopSequenceFilterTests
{
    [Fact]
    public void A_stop_split_across_pieces_is_held_back_and_cut()
    {
        var filter = new StopSequenceFilter(["<|end|>"]);
        var emitted = new[] { "ok <", "|e", "nd", "|> tail" }.Select(filter.Push).ToArray();

        Assert.Equal(new[] { "ok ", "", "", "" }, emitted);
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void A_held_prefix_is_released_once_it_cannot_be_a_stop()
    {
        var filter = new StopSequenceFilter(["<|end|>"]);

        Assert.Equal("a", filter.Push("a<|e"));
        Assert.Equal("<|ex", filter.Push("x"));
        Assert.Equal("", filter.Push("<"));
        Assert.Equal("<", filter.Flush());
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void Cut_keeps_the_text_before_the_earliest_of_several_stops()
    {
        Assert.Equal("one ", StopSequenceFilter.Cut("one ## two <|end|>", ["<|end|>", "##"], out bool stopped));
        Assert.True(stopped);
        Assert.Equal("no stop here", StopSequenceFilter.Cut("no stop here", ["<|end|>"], out stopped));
        Assert.False(stopped);
    }
}
