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
    private readonly TorchSharp.Modules.Linear _query, _key, _value, _output;
    private readonly int _heads, _keyValueHeads, _headDim, _layerIndex;

    public GroupedQueryAttention(TransformerConfig config, int layerIndex) : base(nameof(GroupedQueryAttention))
    {
        _heads = config.NumAttentionHeads;
        _keyValueHeads = config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        _layerIndex = layerIndex;
        _query = Linear(config.HiddenSize, _heads * _headDim, hasBias: config.QkvBias);
        _key = Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: config.QkvBias);
        _value = Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: config.QkvBias);
        _output = Linear(_heads * _headDim, config.HiddenSize, hasBias: config.OutputBias);
        register_module("q_proj", _query);
        register_module("k_proj", _key);
        register_module("v_proj", _value);
        register_module("o_proj", _output);
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
        var q = RotaryEmbedding.Apply(_query.forward(x).view(batch, time, _heads, _headDim).transpose(1, 2), cos, sin);
        var k = RotaryEmbedding.Apply(_key.forward(x).view(batch, time, _keyValueHeads, _headDim).transpose(1, 2), cos, sin);
        var v = _value.forward(x).view(batch, time, _keyValueHeads, _headDim).transpose(1, 2);
        if (cache is not null) (k, v) = cache.Write(_layerIndex, cacheStart, k, v);
        if (_heads != _keyValueHeads)
        {
            k = RepeatHeads(k);
            v = RepeatHeads(v);
        }
        var attended = functional.scaled_dot_product_attention(q, k, v, mask, 0.0, causal && mask is null);
        var merged = attended.transpose(1, 2).reshape(batch, time, _heads * _headDim);
        return _output.forward(merged).MoveToOuterDisposeScope();
    }

    // HF's repeat_kv: key/value head j serves query heads j·g … j·g + g − 1.
    private Tensor RepeatHeads(Tensor kv)
    {
        long batch = kv.shape[0], keys = kv.shape[2];
        int groups = _heads / _keyValueHeads;
        return kv.unsqueeze(2).expand(batch, _keyValueHeads, groups, keys, _headDim).reshape(batch, _heads, keys, _headDim);
    }
}
