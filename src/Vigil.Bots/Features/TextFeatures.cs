using Vigil.Bots.Data;
using Vigil.Core.Text;

namespace Vigil.Bots.Features;

/// <summary>
/// The two text blocks of the BotRGCN recipe from any <see cref="ITextEncoder"/>: each user's description embedding
/// (the zero row for a blank one), and the mean embedding of the user's selected tweets (<see cref="UserTweetSelection"/>),
/// averaged over the non-blank ones (zero for a user without any). Texts stream through the encoder in batches.
/// </summary>
public static class TextFeatures
{
    /// <summary>Row-major [users, encoder.Dimension].</summary>
    public static float[] Descriptions(UserTable users, ITextEncoder encoder, int batchSize, Action<string>? progress)
    {
        var texts = Enumerable.Range(0, users.Count).Select(u => users.Description.GetString(u) ?? "");
        var result = VectorRows.Allocate(users.Count, encoder.Dimension);
        foreach (var batch in encoder.EncodeStream(texts, batchSize, Report("descriptions", progress), users.Count))
            batch.Vectors.CopyTo(result, batch.FirstIndex * encoder.Dimension);
        return result;
    }

    /// <summary>Row-major [users, encoder.Dimension] mean tweet embeddings.</summary>
    public static float[] MeanTweets(BotDataset dataset, UserTweetSelection selection, ITextEncoder encoder, int batchSize, Action<string>? progress)
    {
        int users = dataset.Users.Count, dim = encoder.Dimension;
        var result = VectorRows.Allocate(users, dim);
        if (selection.Count == 0) return result;
        if (!dataset.Tweets.HasText)
            throw new InvalidOperationException($"Dataset '{dataset.Name}' was read without tweet texts; read it with {nameof(IO.TwiBotReaderOptions)}.{nameof(IO.TwiBotReaderOptions.LoadTweetText)} = true to embed tweets.");
        var text = dataset.Tweets.Text;
        var rows = selection.TweetRows;
        var blank = new bool[rows.Length];
        // Lazily read as the encoder consumes them; a batch's flags are set before the batch comes back.
        var texts = rows.Select((t, k) =>
        {
            var s = text.GetString(t) ?? "";
            blank[k] = BlankText.IsBlank(s);
            return s;
        });
        // The selection lists each user's tweets contiguously in user order, so a running owner index maps a text to its user.
        var owner = new int[rows.Length];
        for (int u = 0; u < users; u++) owner.AsSpan(selection.Start[u], selection.Start[u + 1] - selection.Start[u]).Fill(u);
        var counted = new int[users];
        foreach (var batch in encoder.EncodeStream(texts, batchSize, Report("tweets", progress), rows.Length))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                long k = batch.FirstIndex + i;
                if (blank[k]) continue;
                int u = owner[k];
                counted[u]++;
                System.Numerics.Tensors.TensorPrimitives.Add(VectorRows.Row(result, dim, u), batch.Row(i), VectorRows.Row(result, dim, u));
            }
        }
        for (int u = 0; u < users; u++)
            if (counted[u] > 1) System.Numerics.Tensors.TensorPrimitives.Multiply(VectorRows.Row(result, dim, u), 1f / counted[u], VectorRows.Row(result, dim, u));
        return result;
    }

    private static Action<EncodingProgress>? Report(string what, Action<string>? progress)
    {
        if (progress is null) return null;
        var last = TimeSpan.Zero;
        return p =>
        {
            if (p.Done != p.Total && p.Elapsed - last < TimeSpan.FromSeconds(2)) return;
            last = p.Elapsed;
            progress($"{what}: {p.Done:N0}/{p.Total:N0} texts, {p.TextsPerSecond:F0} texts/s");
        };
    }
}
