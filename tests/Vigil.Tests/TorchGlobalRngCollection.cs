namespace Vigil.Tests;

/// <summary>
/// Tests that compare two seeded runs: torch's default generator is process-wide, so these run alone rather
/// than beside test classes that draw from it at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalRngCollection
{
    public const string Name = "torch global RNG";
}
