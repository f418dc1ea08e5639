using Vigil.Bots.Data;
using Vigil.Bots.Features;
using Vigil.Bots.IO;

namespace Vigil.Tests.Bots.Features;

/// <summary>The BotRGCN feature recipe on the hand-made TwiBot-22 folder, checked against values worked out from its files.</summary>
public class BotFeatureExtractorTests
{
    // Population z-scores, the reference for NumericFeatures.
    private static double[] ZScores(double[] values, bool[]? scope = null)
    {
        var inScope = values.Where((_, i) => scope is null || scope[i]).ToArray();
        double mean = inScope.Average();
        double std = Math.Sqrt(inScope.Sum(v => (v - mean) * (v - mean)) / inScope.Length);
        return values.Select(v => std == 0 ? 0 : (v - mean) / std).ToArray();
    }

    [Fact]
    public void NumericFeaturesAreZScoresOfTheProfileCounts()
    {
        var d = FeatureTestInput.HandMade();
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder);
        // The latest timestamp in the folder is tweet t103's, 2022-01-22 08:30:00.
        var collection = new DateTimeOffset(2022, 1, 22, 8, 30, 0, TimeSpan.Zero);
        var created = new[] { new DateTimeOffset(2008, 6, 19, 15, 36, 8, TimeSpan.Zero), new DateTimeOffset(2015, 1, 2, 3, 4, 5, TimeSpan.Zero),
            new DateTimeOffset(2020, 12, 31, 23, 59, 59, TimeSpan.Zero), new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        var columns = new[]
        {
            new double[] { 10, 1, 0, 3 }, new double[] { 20, 2, 5, 3 }, new double[] { 30, 3, 7, 3 },
            created.Select(c => (collection - c).TotalDays).ToArray(), new double[] { 3, 3, 5, 4 },
        };
        Assert.Equal(new[] { 4, 5 }, new[] { f.Numeric.Rows, f.Numeric.Cols });
        for (int c = 0; c < 5; c++)
        {
            var expected = ZScores(columns[c]);
            for (int u = 0; u < 4; u++) Assert.Equal(expected[u], f.Numeric.Dense![u * 5 + c], 4);
        }
        Assert.Equal(BotFeatureExtractor.LatestTimestamp(d), collection.ToUnixTimeSeconds());
    }

    [Fact]
    public void TrainingScopeTakesTheStatisticsFromTrainUsersOnly()
    {
        var d = FeatureTestInput.HandMade();
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder, new BotFeatureOptions { Normalization = NormalizationScope.TrainingUsers });
        // u1 and u2 are the train users.
        var expected = ZScores(new double[] { 10, 1, 0, 3 }, new[] { true, true, false, false });
        for (int u = 0; u < 4; u++) Assert.Equal(expected[u], f.Numeric.Dense![u * 5], 4);
        Assert.Equal(-1f, f.Numeric.Dense![1 * 5], 4);
    }

    [Fact]
    public void CategoricalFeaturesAreTheProfileFlags()
    {
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(FeatureTestInput.HandMade(), encoder);
        // protected, verified, default profile image: u1 is verified with the default image, u2 protected.
        Assert.Equal(new float[] { 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, f.Categorical.Dense);
    }

    [Fact]
    public void TextBlocksAreTheDescriptionAndTheMeanOfTheFirstTweets()
    {
        var d = FeatureTestInput.HandMade();
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder);
        var descriptions = encoder.Encode(new[] { "Roam #a #b @u2", "line\nbreak \"quoted\" é 😀", "", "" });
        Assert.Equal(descriptions, f.Description.Dense);

        // u1 posted t100 and the blank t103 (left out of the mean), u2 t101, u3 t102, u4 nothing.
        var tweets = encoder.Encode(new[] { "hello #a @two https://t.co/y", "RT @one: hello", "こんにちは" });
        var expected = new float[4 * 16];
        tweets.AsSpan(0, 48).CopyTo(expected);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], f.Tweets.Dense![i], 6);
        Assert.Equal(4, f.SelectedTweets);
    }

    [Fact]
    public void TheTweetLimitTakesEachUsersFirstTweets()
    {
        var d = new BotDataset("limit");
        d.Users.Add(new UserRow(1));
        d.Users.Add(new UserRow(2));
        var texts = new[] { "alpha beta", "gamma delta", "epsilon", "zeta eta" };
        long[] authors = { 1, 2, 1, 1 };
        for (int t = 0; t < texts.Length; t++) d.Tweets.Add(new TweetRow(t) { AuthorId = authors[t], Text = texts[t] });
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(d, encoder, new BotFeatureOptions { TweetsPerUser = 2 });
        var v = encoder.Encode(texts);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal((v[i] + v[32 + i]) / 2, f.Tweets.Dense![i], 6);
            Assert.Equal(v[16 + i], f.Tweets.Dense![16 + i], 6);
        }
        Assert.Equal(3, f.SelectedTweets);
    }

    [Fact]
    public void TheGraphHoldsTheFollowRelationsLabelsAndMasks()
    {
        using var encoder = FeatureTestInput.Encoder();
        var f = BotFeatureExtractor.Extract(FeatureTestInput.HandMade(), encoder);
        Assert.True(f.HasFollowGraph);
        Assert.Equal(new[] { "followers", "following" }, f.Graph.Relations.Select(r => r.Type.Relation));
        Assert.Equal(1, f.Graph.Relation("followers").NumEdges);
        Assert.Equal(2, f.Graph.Relation("following").NumEdges);
        Assert.Equal(new[] { 0, 1, 1, 0 }, f.Labels.Labels);
        Assert.Equal(new[] { true, true, false, false }, f.Labels.TrainMask);
        Assert.Equal(new[] { false, false, true, false }, f.Labels.ValMask);
        Assert.Equal(new[] { false, false, false, true }, f.Labels.TestMask);

        var hetero = f.ToHeteroGraph();
        var graph = hetero.ToGraph(BotFeatureSet.UserNodeType, symmetrize: true);
        Assert.Equal(5 + 3 + 16 + 16, graph.Features.Cols);
        Assert.Equal(f.Numeric.Dense![5..10], graph.Features.Dense![40..45]);
        Assert.Equal(f.Tweets.Dense![16..32], graph.Features.Dense![(40 + 24)..80]);
    }

    [Fact]
    public void ADatasetReadWithoutTweetTextsCannotEmbedTweets()
    {
        using var folder = HandMadeTwiBot22.Create();
        var d = TwiBotReader.Read(folder.Path, new TwiBotReaderOptions { LoadTweetText = false });
        using var encoder = FeatureTestInput.Encoder();
        var e = Assert.Throws<InvalidOperationException>(() => BotFeatureExtractor.Extract(d, encoder));
        Assert.Contains("LoadTweetText", e.Message);
    }
}
