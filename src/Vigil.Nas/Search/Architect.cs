using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vigil.Nas.Search;

/// <summary>
/// Updates a <see cref="SuperNet"/>'s α on the validation loss, first- or second-order (DARTS), with Adam.
/// Gradients come from <c>torch.autograd.grad</c> on the losses themselves, so α receives the real gradient (the
/// GraTO code re-wrapped the loss as a new leaf, which left α with none) and the weights' own gradients are not
/// touched. Every loss evaluation inside one step replays the same state of torch's global generator and of the
/// network's own generator, so the random operations (and a smoothness sampler sharing that generator) draw the
/// same masks each time and the finite differences compare like with like.
/// </summary>
public sealed class Architect : IDisposable
{
    private readonly SuperNet _net;
    private readonly Parameter[] _alphas;
    private readonly optim.Optimizer _optimizer;

    public ArchitectOptions Options { get; }

    public Architect(SuperNet net, ArchitectOptions? options = null)
    {
        Options = options ?? new ArchitectOptions();
        Options.Validate();
        _net = net;
        _alphas = net.ArchitectureParameters().ToArray();
        _optimizer = optim.Adam(_alphas, Options.LearningRate, Options.Beta1, Options.Beta2, 1e-8, Options.WeightDecay, false, false);
    }

    /// <summary>
    /// The architecture gradient (one tensor per <see cref="SuperNet.ArchitectureParameters"/>, detached) and the
    /// validation loss it differentiates (at w, or at the unrolled w′ for second order). The closures compute the
    /// losses from a fresh forward of the network; the network's weights are unchanged afterwards.
    /// </summary>
    public (Tensor[] Gradients, double ValidationLoss) Gradient(Func<Tensor> trainingLoss, Func<Tensor> validationLoss)
    {
        using var scope = NewDisposeScope();
        var globalState = get_rng_state();
        var networkState = _net.Generator?.get_state();
        Tensor Replay(Func<Tensor> loss)
        {
            set_rng_state(globalState);
            if (networkState is not null) _net.Generator!.set_state(networkState);
            return loss();
        }

        Tensor[] gradients; double valLoss;
        if (Options.Gradient == ArchitectureGradient.FirstOrder)
        {
            var loss = Replay(validationLoss);
            valLoss = loss.item<float>();
            gradients = autograd.grad([loss], _alphas).ToArray();
        }
        else
        {
            (gradients, valLoss) = SecondOrder(Replay, trainingLoss, validationLoss);
        }
        return (gradients.Select(g => g.detach().MoveToOuterDisposeScope()).ToArray(), valLoss);
    }

    /// <summary>One Adam step of α along <see cref="Gradient"/>; returns the validation loss.</summary>
    public double Step(Func<Tensor> trainingLoss, Func<Tensor> validationLoss)
    {
        using var scope = NewDisposeScope();
        var (gradients, valLoss) = Gradient(trainingLoss, validationLoss);
        _optimizer.zero_grad();
        // Σ α·g has gradient g with respect to α: this sets α.grad without touching anything else.
        var surrogate = (_alphas[0] * gradients[0]).sum();
        for (int i = 1; i < _alphas.Length; i++) surrogate = surrogate + (_alphas[i] * gradients[i]).sum();
        surrogate.backward();
        _optimizer.step();
        return valLoss;
    }

    private (Tensor[] Gradients, double ValidationLoss) SecondOrder(Func<Func<Tensor>, Tensor> replay, Func<Tensor> trainingLoss, Func<Tensor> validationLoss)
    {
        var weights = _net.WeightParameters().ToArray();
        var saved = weights.Select(w => w.detach().clone()).ToArray();
        double xi = Options.UnrolledLearningRate;
        try
        {
            // w′ = w − ξ(∇_w L_train(w, α) + λw): one plain gradient step, as DARTS unrolls.
            var trainGrad = autograd.grad([replay(trainingLoss)], weights);
            Assign(weights, i => saved[i] - (trainGrad[i] + saved[i] * Options.UnrolledWeightDecay) * xi);

            var valLoss = replay(validationLoss);
            double valValue = valLoss.item<float>();
            var all = autograd.grad([valLoss], _alphas.Concat(weights).ToArray());
            var dAlpha = all.Take(_alphas.Length).ToArray();
            var dWeights = all.Skip(_alphas.Length).ToArray();

            double norm = Math.Sqrt(dWeights.Sum(g => g.pow(2).sum().item<float>()));
            if (norm == 0 || xi == 0) return (dAlpha, valValue);
            // ∇²_{α,w} L_train · ∇_w′ L_val ≈ (∇_α L_train(w + εv) − ∇_α L_train(w − εv)) / 2ε, v = ∇_w′ L_val.
            double eps = Options.FiniteDifferenceRadius / norm;
            Assign(weights, i => saved[i] + dWeights[i] * eps);
            var plus = autograd.grad([replay(trainingLoss)], _alphas);
            Assign(weights, i => saved[i] - dWeights[i] * eps);
            var minus = autograd.grad([replay(trainingLoss)], _alphas);
            var result = new Tensor[_alphas.Length];
            for (int i = 0; i < result.Length; i++) result[i] = dAlpha[i] - (plus[i] - minus[i]) * (xi / (2 * eps));
            return (result, valValue);
        }
        finally
        {
            Assign(weights, i => saved[i]);
        }
    }

    private static void Assign(Parameter[] weights, Func<int, Tensor> value)
    {
        using var _ = no_grad();
        for (int i = 0; i < weights.Length; i++) weights[i].copy_(value(i));
    }

    public void Dispose() => _optimizer.Dispose();
}
