using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using Vigil.Bench.Bots;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Bench.Policy;

/// <summary>
/// Policy-model speed with random weights: the median time of a training step (forward, next-token cross-entropy,
/// backward; no optimiser) on a batch of full-length sequences, and generation tokens/s (batched prompts, KV cache,
/// temperature-1 sampling for a fixed number of new tokens). Shapes: the demo policy and a Qwen2.5-0.5B-shaped model.
/// </summary>
public static class PolicyThroughputBenchmark
{
    private sealed record Shape(string Name, TransformerConfig Config, int TrainBatch, int TrainLength, int TrainSteps,
        int GenBatch, int PromptLength, int NewTokens, int GenRuns);

    private static readonly Shape[] Shapes =
    [
        new("demo", new TransformerConfig
        {
            ModelType = TransformerConfig.Qwen2, HiddenSize = 256, IntermediateSize = 704, NumHiddenLayers = 4,
            NumAttentionHeads = 4, NumKeyValueHeads = 2, HeadDim = 64, VocabSize = 2048, TieWordEmbeddings = true,
            RopeTheta = 10000, MaxPositionEmbeddings = 1024,
        }, TrainBatch: 16, TrainLength: 128, TrainSteps: 10, GenBatch: 64, PromptLength: 32, NewTokens: 96, GenRuns: 3),
        new("qwen2.5-0.5b", new TransformerConfig
        {
            ModelType = TransformerConfig.Qwen2, HiddenSize = 896, IntermediateSize = 4864, NumHiddenLayers = 24,
            NumAttentionHeads = 14, NumKeyValueHeads = 2, HeadDim = 64, VocabSize = 151936, TieWordEmbeddings = true,
            RopeTheta = 1e6, RmsNormEps = 1e-6, MaxPositionEmbeddings = 32768,
        }, TrainBatch: 2, TrainLength: 128, TrainSteps: 3, GenBatch: 8, PromptLength: 32, NewTokens: 32, GenRuns: 1),
    ];

    public static int Run(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            var shape = Shapes.FirstOrDefault(s => s.Name == name);
            if (shape is null)
            {
                Console.Error.WriteLine($"unknown shape '{name}' (known: {string.Join(", ", Shapes.Select(s => s.Name))})");
                return 1;
            }
            Measure(shape);
        }
        return 0;
    }

    private static void Measure(Shape shape)
    {
        manual_seed(0);
        using var model = new TransformerLanguageModel(shape.Config);
        long parameters = model.parameters().Sum(p => p.numel());
        Console.WriteLine($"{shape.Name}: {shape.Config} ({parameters / 1e6:F1} M parameters), {get_num_threads()} threads");

        var random = new Random(0);
        using var batch = randint(1, shape.Config.VocabSize - 1, [shape.TrainBatch, shape.TrainLength + 1], dtype: ScalarType.Int64);
        TrainStep(model, batch);   // warm-up: JIT and allocator
        var times = new List<double>();
        for (int i = 0; i < shape.TrainSteps; i++)
        {
            var clock = Stopwatch.StartNew();
            TrainStep(model, batch);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double median = times[times.Count / 2];
        long tokens = (long)shape.TrainBatch * shape.TrainLength;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  train step (forward+backward), batch {shape.TrainBatch} x {shape.TrainLength} tokens: median {median:F0} ms (min {times[0]:F0}, {tokens / (median / 1000):F0} tokens/s)"));

        var generator = new PolicyTextGenerator(model, new SyntheticTokenizer(shape.Config.VocabSize));
        var prompts = Enumerable.Range(0, shape.GenBatch)
            .Select(_ => Enumerable.Range(0, shape.PromptLength).Select(_ => random.Next(1, shape.Config.VocabSize - 1)).ToArray()).ToArray();
        var options = new SamplingOptions { MaxNewTokens = shape.NewTokens, Temperature = 1.0, TopP = 1.0 };
        generator.GenerateIds(prompts.Take(2).ToArray(), options with { MaxNewTokens = 4 });   // warm-up
        var rates = new List<double>();
        for (int run = 0; run < shape.GenRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            var results = generator.GenerateIds(prompts, options with { Seed = run });
            double seconds = clock.Elapsed.TotalSeconds;
            rates.Add(results.Sum(r => r.CompletionIds.Length) / seconds);
        }
        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  generation, {shape.GenBatch} prompts x {shape.PromptLength} tokens, {shape.NewTokens} new tokens each: median {rates[rates.Count / 2]:F0} tokens/s over {shape.GenRuns} run(s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak resident memory {ProcessMemory.PeakMb():F0} MB"));
    }

    private static void TrainStep(TransformerLanguageModel model, Tensor batch)
    {
        using var scope = NewDisposeScope();
        long length = batch.shape[1] - 1;
        var logits = model.Logits(batch.narrow(1, 0, length));
        var loss = nn.functional.cross_entropy(logits.reshape(-1, model.VocabularySize), batch.narrow(1, 1, length).reshape(-1));
        loss.backward();
        model.zero_grad();
    }
}
