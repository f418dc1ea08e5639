using static TorchSharp.torch;

namespace Vigil.Graphs.Nn;

/// <summary>
/// A layer whose first operation is linear in its input, so it can take raw (possibly sparse CSR) features and
/// start with X·W without densifying X: a model's first layer.
/// </summary>
public interface IFeatureInputLayer
{
    Tensor forward(FeatureInput x, MessageGraph g);
}
