using Vigil.Safety.Policy;
using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Inference;

/// <summary>
/// A fixture causal LM: hidden state at t = Σ_{s ≤ t} embedding(token s) (causal by construction); logits are a fixed
/// bias per token, the same at every position, so the next-token distribution is known exactly.
/// </summary>
internal sealed class TinyCausalModel : nn.Module<Tensor, Tensor>, ICausalLanguageModel
{
    private readonly TorchSharp.Modules.Embedding embedding;
    private readonly TorchSharp.Modules.Parameter bias;

    public TinyCausalModel(Tensor embeddings, float[] logitBias) : base(nameof(TinyCausalModel))
    {
        embedding = nn.Embedding(embeddings.shape[0], embeddings.shape[1]);
        using (no_grad()) embedding.weight!.copy_(embeddings);
        bias = new TorchSharp.Modules.Parameter(tensor(logitBias), requires_grad: false);
        RegisterComponents();
    }

    public int VocabularySize => (int)bias.shape[0];
    public nn.Module Module => this;

    public Tensor Logits(Tensor inputIds, Tensor? attentionMask = null) =>
        bias.expand(inputIds.shape[0], inputIds.shape[1], bias.shape[0]).clone();

    public Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask = null) => embedding.forward(inputIds).cumsum(1);

    public override Tensor forward(Tensor input) => Logits(input);
}
