using TorchSharp;
using static TorchSharp.torch;

namespace Vigil.Safety.Policy.Model;

/// <summary>One pre-norm transformer block: x + attention(norm(x)), then h + mlp(norm(h)).</summary>
public sealed class DecoderLayer : nn.Module
{
    private readonly RmsNorm input_layernorm, post_attention_layernorm;
    private readonly GroupedQueryAttention self_attn;
    private readonly SwiGluMlp mlp;

    public DecoderLayer(TransformerConfig config, int layerIndex) : base(nameof(DecoderLayer))
    {
        input_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        self_attn = new GroupedQueryAttention(config, layerIndex);
        post_attention_layernorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        mlp = new SwiGluMlp(config);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, bool causal, KvCache? cache, int cacheStart)
    {
        using var scope = NewDisposeScope();
        // The residual sums run in place on the fresh branch outputs; autograd saves nothing for an addition.
        var h = self_attn.Forward(input_layernorm.forward(x), cos, sin, mask, causal, cache, cacheStart).add_(x);
        return mlp.forward(post_attention_layernorm.forward(h)).add_(h).MoveToOuterDisposeScope();
    }
}
