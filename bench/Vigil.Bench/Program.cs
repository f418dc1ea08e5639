using BenchmarkDotNet.Running;
using System.Globalization;
using Vigil.Bench.Bots;
using Vigil.Bench.EndToEnd;
using Vigil.Bench.Kernels;
using Vigil.Bench.Policy;
using Vigil.Bench.Safety;
using Vigil.Core;

namespace Vigil.Bench;

/// <summary>
/// Entry point: the first argument picks a suite, the rest go to that suite.
///   kernels [BenchmarkDotNet args]   micro-benchmarks of the sparse kernels (e.g. --filter '*SpMM*' --job short)
///   e2e [graphs] [models] [epochs]   median training-epoch time and peak memory per model, one process each
///                                    (defaults: cora,random200k  gcn,gat,sage,rgcn,appnp,gcnii  30)
///   minibatch-1m [epochs]            neighbour-sampled GraphSAGE on a 1M-node / 10M-edge graph: time and peak memory
///   twibot-generate DIR [users] [tweets-per-user] [seed]   synthetic TwiBot-22 folder: time and peak memory
///   bots-sampled-epoch [users] [tweets-per-user] [seed]   one neighbour-sampled BotRGCN epoch on a generated set
///   twibot-read DIR [cold] [no-text] [no-scan] [tokens] [threads=N]  TwiBotReader throughput (MB/s of user.json and tweet_*.json) and peak memory
///   policy-throughput [shapes]       policy-model training step time and generation tokens/s (default: demo,qwen2.5-0.5b)
///   demo-data [problems]             safety demo data: demo BPE training time and lengths, SFT targets' safety score
///   demo-knowledge DIR [mode] [seed] how a demo policy separates harmful from harmless prompts, trained-on vs unseen
///                                    (mode knowledge for base/, decision for sft/ and rl/)
///   demo-baselines [cache]            the demo's safety score for fixed behaviours (refuse all, answer all, ideal)
/// libtorch runs with passive OpenMP waiting and huge-page allocation unless the environment says otherwise
/// (see <see cref="TorchProcessSettings"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        TorchProcessSettings.ApplyUnlessSet();
        if (args.Length > 0 && args[0] == "kernels")
        {
            BenchmarkSwitcher.FromTypes([typeof(SpMMBenchmarks), typeof(SparseFeatureBenchmarks)]).Run(args[1..]);
            return 0;
        }
        if (args.Length > 0 && args[0] == "e2e")
        {
            string[] Part(int i, string fallback) => (args.Length > i ? args[i] : fallback).Split(',', StringSplitOptions.RemoveEmptyEntries);
            int epochs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
            return EpochBenchmarkSuite.Run(Part(1, "cora,random200k"), Part(2, "gcn,gat,sage,rgcn,appnp,gcnii"), epochs);
        }
        if (args.Length > 0 && args[0] == "minibatch-1m")
        {
            int epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
            return MiniBatchScaleBenchmark.Run(1_000_000, 10_000_000, epochs);
        }
        if (args.Length >= 2 && args[0] == "twibot-generate")
        {
            int users = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
            double tweets = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 12;
            int seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
            return TwiBotGenerateBenchmark.Run(args[1], users, tweets, seed);
        }
        if (args.Length > 0 && args[0] == "bots-sampled-epoch")
        {
            int users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
            double tweets = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
            int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
            return SampledEpochBenchmark.Run(users, tweets, seed);
        }
        if (args.Length >= 2 && args[0] == "twibot-read")
            return TwiBotReadBenchmark.Run(args[1], cold: args.Contains("cold"), tweetText: !args.Contains("no-text"), tokenCeiling: args.Contains("tokens"),
                parallelism: args.FirstOrDefault(a => a.StartsWith("threads=", StringComparison.Ordinal)) is { } t ? int.Parse(t["threads=".Length..]) : new Vigil.Bots.IO.TwiBotReaderOptions().Parallelism,
                scanRecords: !args.Contains("no-scan"));
        if (args.Length > 0 && args[0] == "policy-throughput")
            return PolicyThroughputBenchmark.Run((args.Length > 1 ? args[1] : "demo,qwen2.5-0.5b").Split(',', StringSplitOptions.RemoveEmptyEntries));
        if (args.Length > 0 && args[0] == "demo-data")
            return DemoDataBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000);
        if (args.Length >= 2 && args[0] == "demo-knowledge")
            return DemoHarmKnowledgeBenchmark.Run(args[1], args.Length > 2 ? args[2] : "decision", args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        if (args.Length > 0 && args[0] == "demo-baselines")
            return DemoScoreBaselines.Run(args.Length > 1 ? args[1] : null);
        if (args.Length == 4 && args[0] == "e2e-one")
            return EpochBenchmark.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        Console.Error.WriteLine("usage: Vigil.Bench kernels [BenchmarkDotNet options, e.g. --filter '*SpMM*' --job short]\n" +
                                "       Vigil.Bench e2e [graphs=cora,random200k] [models=gcn,gat,sage,rgcn,appnp,gcnii] [epochs=30]\n" +
                                "       Vigil.Bench minibatch-1m [epochs=2]\n" +
                                "       Vigil.Bench twibot-generate DIR [users=1000000] [tweets-per-user=12] [seed=0]\n" +
                                "       Vigil.Bench bots-sampled-epoch [users=200000] [tweets-per-user=2] [seed=0]\n" +
                                "       Vigil.Bench twibot-read DIR [cold] [no-text] [no-scan] [tokens] [threads=N]\n" +
                                "       Vigil.Bench policy-throughput [shapes=demo,qwen2.5-0.5b]\n" +
                                "       Vigil.Bench demo-data [problems=20000]\n" +
                                "       Vigil.Bench demo-knowledge POLICY-DIR [knowledge|decision] [demo-seed=0]\n" +
                                "       Vigil.Bench demo-baselines [embedding-cache-dir]");
        return 1;
    }
}
