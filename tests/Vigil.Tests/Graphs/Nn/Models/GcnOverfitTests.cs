using TorchSharp;
using Vigil.Graphs.Nn;
using Vigil.Graphs.Nn.Models;
using static TorchSharp.torch;
using static Vigil.Tests.Graphs.Nn.NnTestGraphs;

namespace Vigil.Tests.Graphs.Nn.Models;

public class GcnOverfitTests
{
    [Fact]
    public void TwoLayerGcnFitsASmallTrainingSet()
    {
        const int nodes = 30, features = 10, classes = 3;
        var g = new MessageGraph(Random(nodes, nodes, 0.1, seed: 161));
        using var x = new FeatureInput(Features(nodes, features, 162));
        var train = Enumerable.Range(0, 12).Select(i => (long)i).ToArray();
        using var trainIdx = tensor(train);
        using var labels = tensor(train.Select(i => (i * 7 + 1) % classes).ToArray());   // arbitrary labels
        var model = NodeModels.Create("gcn", features, classes, new ModelOptions { Dropout = 0.0, Hidden = 32 });
        using var optimizer = optim.Adam(model.parameters(), 0.05);
        float loss = float.NaN;
        for (int epoch = 0; epoch < 200; epoch++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var l = nn.functional.cross_entropy(model.forward(x, [g]).index_select(0, trainIdx), labels);
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }
        model.eval();
        using var scope2 = NewDisposeScope();
        var predicted = model.forward(x, [g]).index_select(0, trainIdx).argmax(1);
        Assert.True(predicted.eq(labels).all().item<bool>(), $"training accuracy below 100% (final loss {loss:g3})");
        Assert.True(loss < 0.1, $"final training loss {loss:g3}");
    }
}
