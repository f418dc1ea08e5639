using TorchSharp;
using Vigil.Core;
using static TorchSharp.torch;

namespace Vigil.Bots.Baselines;

/// <summary>
/// The training loop the neural user-level baselines share (DeeProBot, Wei): shuffled mini-batches of the train users,
/// binary cross-entropy on the bot logit, Adam, and after each epoch the validation accuracy at threshold 0.5; the
/// parameters of the best epoch are restored at the end (selection on valid, test users take no part).
/// </summary>
internal static class ValidSelectedTraining
{
    /// <param name="network">The model; left holding the best epoch's parameters.</param>
    /// <param name="batchLogits">Logits of the train users at the given positions (an int64 index tensor into the train users).</param>
    /// <param name="trainLabels">1 for bot, 0 for human, one per train user.</param>
    /// <param name="validScores">Bot probabilities of the valid users under the current parameters.</param>
    public static void Fit(nn.Module network, int trainCount, Func<Tensor, Tensor> batchLogits, Tensor trainLabels,
        Func<double[]> validScores, bool[] validLabels, int epochs, int batchSize, double learningRate, int seed,
        CancellationToken cancellation)
    {
        using var optimizer = optim.Adam(network.parameters(), learningRate);
        var shuffle = new Random(seed);
        double bestAccuracy = -1;
        Tensor[]? best = null;
        var order = Enumerable.Range(0, trainCount).ToArray();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            network.train();
            shuffle.Shuffle(order);
            for (int start = 0; start < order.Length; start += batchSize)
            {
                using (var scope = NewDisposeScope())
                {
                    var batch = tensor(order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray());
                    var loss = nn.functional.binary_cross_entropy_with_logits(batchLogits(batch), trainLabels.index_select(0, batch));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                TorchGarbage.CollectAfterStep();
            }
            var scores = validScores();
            double accuracy = scores.Zip(validLabels).Count(p => p.First >= 0.5 == p.Second) / (double)validLabels.Length;
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                foreach (var t in best ?? []) t.Dispose();
                best = network.parameters().Select(p => p.detach().clone()).ToArray();
            }
        }
        using (no_grad())
        {
            foreach (var (parameter, saved) in network.parameters().Zip(best!)) parameter.copy_(saved);
        }
        foreach (var t in best!) t.Dispose();
    }
}
