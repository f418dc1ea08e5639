using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// A Qwen2- or Llama-architecture causal language model whose parameter names equal Hugging Face's
/// (<c>model.embed_tokens.weight</c>, <c>model.layers.{i}.self_attn.q_proj.weight</c>, …, <c>lm_head.weight</c> only
/// when the output projection is not tied to the embeddings), so its state dict maps 1:1 to safetensors checkpoints.
/// New models start from HF's initialisation: normal(0, 0.02) weights, zero biases, unit norms.
/// </summary>
public sealed class TransformerLanguageModel : nn.Module<Tensor, Tensor>, ICausalLanguageModel
{
    private const double InitStd = 0.02;
    // Sub-module fields carry Hugging Face's names: TorchSharp names parameters and state-dict keys after fields.
    private readonly TransformerBackbone model;
    private readonly TorchSharp.Modules.Linear? lm_head;

    public TransformerLanguageModel(TransformerConfig config) : base(nameof(TransformerLanguageModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        model = new TransformerBackbone(config);
        if (!config.TieWordEmbeddings) lm_head = Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialise();
    }

    public TransformerConfig Config { get; }

    public int VocabularySize => Config.VocabSize;

    public nn.Module Module => this;

    /// <summary>The matrix that maps hidden states to logits: lm_head's, or the embeddings' when tied.</summary>
    public Tensor OutputWeight => lm_head?.weight ?? model.EmbedTokens.weight!;

    public override Tensor forward(Tensor inputIds) => Logits(inputIds);

    public Tensor Logits(Tensor inputIds, Tensor? attentionMask = null) => Logits(inputIds, attentionMask, null);

    public Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask = null) => HiddenStates(inputIds, attentionMask, null);

    /// <summary>Logits [batch, time, vocab]; with a cache, <paramref name="attentionMask"/> covers the new tokens only.</summary>
    public Tensor Logits(Tensor inputIds, Tensor? attentionMask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        return OutputLogits(HiddenStates(inputIds, attentionMask, cache)).MoveToOuterDisposeScope();
    }

    /// <summary>Final hidden states [batch, time, hidden]; with a cache, appends this call's keys and values to it.</summary>
    public Tensor HiddenStates(Tensor inputIds, Tensor? attentionMask, KvCache? cache) => model.Forward(inputIds, attentionMask, cache);

    /// <summary>Logits for hidden states of any leading shape, e.g. only the last position during generation.</summary>
    public Tensor OutputLogits(Tensor hiddenStates) => functional.linear(hiddenStates, OutputWeight);

    private void Initialise()
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal)) parameter.fill_(1.0);
            else if (name.EndsWith(".bias", StringComparison.Ordinal)) parameter.zero_();
            else nn.init.normal_(parameter, 0.0, InitStd);
        }
    }
}
