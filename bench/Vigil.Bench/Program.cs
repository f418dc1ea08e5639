using BenchmarkDotNet.Running;
using Vigil.Bench.Kernels;

namespace Vigil.Bench;

/// <summary>
/// Entry point: the first argument picks a suite, the rest go to that suite.
///   kernels [BenchmarkDotNet args]   micro-benchmarks of the sparse kernels (e.g. --filter '*SpMM*' --job short)
/// libtorch runs with passive OpenMP waiting and huge-page allocation unless the environment says otherwise
/// (see <see cref="TorchProcessEnvironment"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        TorchProcessEnvironment.ApplyUnlessSet();
        if (args.Length > 0 && args[0] == "kernels")
        {
            BenchmarkSwitcher.FromTypes([typeof(SpMMBenchmarks), typeof(SparseFeatureBenchmarks)]).Run(args[1..]);
            return 0;
        }
        Console.Error.WriteLine("usage: Vigil.Bench kernels [BenchmarkDotNet options, e.g. --filter '*SpMM*' --job short]");
        return 1;
    }
}
