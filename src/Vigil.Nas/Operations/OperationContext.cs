using TorchSharp;

namespace Vigil.Nas.Operations;

/// <summary>
/// Where an operation is built: the hidden width, the 0-based block it sits in, the operation settings, and the
/// generator its random draws come from (null: torch's global generator).
/// </summary>
public sealed record OperationContext(int Hidden, int Block, OperationOptions Options, torch.Generator? Generator = null)
{
    public int Hidden { get; } = Hidden > 0 ? Hidden : throw new ArgumentException($"The hidden width must be positive, got {Hidden}.");
    public int Block { get; } = Block >= 0 ? Block : throw new ArgumentException($"The block index is 0-based, got {Block}.");
}
