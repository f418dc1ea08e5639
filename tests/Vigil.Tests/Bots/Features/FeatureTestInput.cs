using Vigil.Bots.Data;
using Vigil.Bots.IO;
using Vigil.Core.Text.Hashed;

namespace Vigil.Tests.Bots.Features;

/// <summary>The inputs the feature tests share: the hand-made TwiBot-22 folder read back, and a small single-threaded hashed encoder.</summary>
internal static class FeatureTestInput
{
    public static BotDataset HandMade()
    {
        using var folder = HandMadeTwiBot22.Create();
        return TwiBotReader.Read(folder.Path);
    }

    public static HashedNgramEncoder Encoder(int dimension = 16) => new(new HashedNgramOptions { Dimension = dimension, MaxDegreeOfParallelism = 1 });
}
