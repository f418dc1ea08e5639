namespace Vigil.Safety.Training.Optimization;

/// <summary>
/// The seed of step s of a run seeded with <c>seed</c>: trainers reseed torch (dropout) and the sampler from it at
/// every step, so a resumed run draws the same numbers as an uninterrupted one without saving generator state.
/// </summary>
public static class StepSeed
{
    public static long For(int seed, int step) => unchecked(seed * 1_000_003L + step);
}
