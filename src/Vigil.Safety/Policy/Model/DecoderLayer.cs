using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Model;

/// <summary>One pre-norm transformer block: x + attention(norm(x)), then h + mlp(norm(h)).</summary>
public sealed class DecoderLayer : nn.Module
{
    private readonly RmsNorm _inputNorm, _postAttentionNorm;
    private readonly GroupedQueryAttention _attention;
    private readonly SwiGluMlp _mlp;

    public DecoderLayer(TransformerConfig config, int layerIndex) : base(nameof(DecoderLayer))
    {
        _inputNorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        _attention = new GroupedQueryAttention(config, layerIndex);
        _postAttentionNorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        _mlp = new SwiGluMlp(config);
        register_module("input_layernorm", _inputNorm);
        register_module("self_attn", _attention);
        register_module("post_attention_layernorm", _postAttentionNorm);
        register_module("mlp", _mlp);
    }

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, bool causal, KvCache? cache, int cacheStart)
    {
        using var scope = NewDisposeScope();
        // The residual sums run in place on the fresh branch outputs; autograd saves nothing for an addition.
        var h = _attention.Forward(_inputNorm.forward(x), cos, sin, mask, causal, cache, cacheStart).add_(x);
        return _mlp.forward(_postAttentionNorm.forward(h)).add_(h).MoveToOuterDisposeScope();
    }
}
