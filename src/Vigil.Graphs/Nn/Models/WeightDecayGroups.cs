using TorchSharp;
using TorchSharp.Modules;

namespace Vigil.Graphs.Nn.Models;

/// <summary>Splits a model's parameters into a given set and the rest, by identity.</summary>
internal static class WeightDecayGroups
{
    public static IEnumerable<Parameter> Rest(torch.nn.Module model, IEnumerable<Parameter> taken)
    {
        var set = new HashSet<Parameter>(taken, ReferenceEqualityComparer.Instance);
        return model.parameters().Where(p => !set.Contains(p));
    }
}
