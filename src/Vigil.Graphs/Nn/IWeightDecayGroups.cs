using TorchSharp.Modules;

namespace Vigil.Graphs.Nn;

/// <summary>
/// A model whose convolution and dense (input/output) parameters take different weight decays, as GCNII's
/// reference training does. Together the two sets are all of the model's parameters.
/// </summary>
public interface IWeightDecayGroups
{
    IEnumerable<Parameter> ConvolutionParameters();
    IEnumerable<Parameter> DenseParameters();
}
