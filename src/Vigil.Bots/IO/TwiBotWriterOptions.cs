namespace Vigil.Bots.IO;

/// <summary>How <see cref="TwiBotWriter"/> lays out a dataset.</summary>
public sealed record TwiBotWriterOptions
{
    /// <summary>Tweets are spread evenly, in row order, over <c>tweet_0.json</c> … (TwiBot-22 has nine).</summary>
    public int TweetFileCount { get; init; } = TwiBotFiles.TwiBot22TweetFiles;

    /// <summary>
    /// Write <c>membership</c> and <c>followed</c> list → user, as the released <c>edge.csv</c> does (the default), or in the
    /// paper's user → list direction. The reader accepts both.
    /// </summary>
    public bool ListEdgesAsReleased { get; init; } = true;
}
