using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// Self-attention with fewer key/value heads than query heads (each key/value head serves
/// <see cref="TransformerConfig.QueriesPerKeyValue"/> consecutive query heads), rotary positions and an optional KV cache.
/// </summary>
public sealed class GroupedQueryAttention : nn.Module
{
    private readonly TorchSharp.Modules.Linear q_proj, k_proj, v_proj, o_proj;
    private readonly int _heads, _keyValueHeads, _headDim, _layerIndex;

    public GroupedQueryAttention(TransformerConfig config, int layerIndex) : base(nameof(GroupedQueryAttention))
    {
        _heads = config.NumAttentionHeads;
        _keyValueHeads = config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        _layerIndex = layerIndex;
        q_proj = Linear(config.HiddenSize, _heads * _headDim, hasBias: config.QkvBias);
        k_proj = Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: config.QkvBias);
        v_proj = Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: config.QkvBias);
        o_proj = Linear(_heads * _headDim, config.HiddenSize, hasBias: config.OutputBias);
        RegisterComponents();
    }

    /// <summary>
    /// <paramref name="x"/> [batch, time, hidden] → [batch, time, hidden]. <paramref name="mask"/> is a bool
    /// [batch, 1, time, keys] (true = may attend) or null, in which case <paramref name="causal"/> says whether to
    /// apply the plain causal mask. With <paramref name="cache"/> the new keys/values go in at <paramref name="cacheStart"/>.
    /// </summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, bool causal, KvCache? cache, int cacheStart)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], time = x.shape[1];
        var q = RotaryEmbedding.Apply(q_proj.forward(x).view(batch, time, _heads, _headDim).transpose(1, 2), cos, sin);
        var k = RotaryEmbedding.Apply(k_proj.forward(x).view(batch, time, _keyValueHeads, _headDim).transpose(1, 2), cos, sin);
        var v = v_proj.forward(x).view(batch, time, _keyValueHeads, _headDim).transpose(1, 2);
        Tensor attended;
        if (cache is not null)
        {
            (k, v) = cache.Write(_layerIndex, cacheStart, k, v);
            attended = GroupedAttention(q, k, v, mask);
        }
        else
        {
            if (_heads != _keyValueHeads)
            {
                k = RepeatHeads(k);
                v = RepeatHeads(v);
            }
            attended = functional.scaled_dot_product_attention(q, k, v, mask, 0.0, causal && mask is null);
        }
        var merged = attended.transpose(1, 2).reshape(batch, time, _heads * _headDim);
        return o_proj.forward(merged).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Attention against cached keys without copying them per query head: the g query heads of a key/value head are
    /// folded into its query rows ([batch, kvHeads, g·time, headDim]), and the mask repeated for each of them.
    /// </summary>
    private Tensor GroupedAttention(Tensor q, Tensor k, Tensor v, Tensor? mask)
    {
        long batch = q.shape[0], time = q.shape[2];
        int groups = _heads / _keyValueHeads;
        if (groups == 1) return functional.scaled_dot_product_attention(q, k, v, mask, 0.0, false);
        var folded = q.reshape(batch, _keyValueHeads, groups * time, _headDim);
        var foldedMask = mask?.unsqueeze(2).expand(batch, 1, groups, time, mask.shape[^1]).reshape(batch, 1, groups * time, mask.shape[^1]);
        return functional.scaled_dot_product_attention(folded, k, v, foldedMask, 0.0, false).view(batch, _heads, time, _headDim);
    }

    // HF's repeat_kv: key/value head j serves query heads j·g … j·g + g − 1.
    private Tensor RepeatHeads(Tensor kv)
    {
        long batch = kv.shape[0], keys = kv.shape[2];
        int groups = _heads / _keyValueHeads;
        return kv.unsqueeze(2).expand(batch, _keyValueHeads, groups, keys, _headDim).reshape(batch, _heads, keys, _headDim);
    }
}
