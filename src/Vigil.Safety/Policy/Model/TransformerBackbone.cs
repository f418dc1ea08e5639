using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vigil.Safety.Policy.Model;

/// <summary>
/// Hugging Face's <c>model</c> sub-module: token embeddings, the decoder layers and the final norm. Builds the
/// positions and the attention mask (causal, left padding, cache offset) once per call for all layers.
/// </summary>
public sealed class TransformerBackbone : nn.Module
{
    private readonly TorchSharp.Modules.Embedding embed_tokens;
    private readonly TorchSharp.Modules.ModuleList<DecoderLayer> layers;
    private readonly RmsNorm norm;
    private readonly RotaryEmbedding _rotary;

    public TransformerBackbone(TransformerConfig config) : base(nameof(TransformerBackbone))
    {
        embed_tokens = Embedding(config.VocabSize, config.HiddenSize);
        layers = new TorchSharp.Modules.ModuleList<DecoderLayer>(Enumerable.Range(0, config.NumHiddenLayers).Select(i => new DecoderLayer(config, i)).ToArray());
        norm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        _rotary = new RotaryEmbedding(config);
        RegisterComponents();
    }

    public TorchSharp.Modules.Embedding EmbedTokens => embed_tokens;

    /// <summary>
    /// Final hidden states [batch, time, hidden]. <paramref name="attentionMask"/> [batch, time] marks real tokens
    /// (1) and padding (0) of <paramref name="inputIds"/> only; the cache remembers earlier positions. Padding may
    /// also follow the real tokens (completions of different lengths): causal attention never lets a real token see it.
    /// </summary>
    public Tensor Forward(Tensor inputIds, Tensor? attentionMask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        long batch = inputIds.shape[0], time = inputIds.shape[1];
        var device = inputIds.device;
        var realTokens = attentionMask?.to_type(ScalarType.Bool);
        if (realTokens is not null && realTokens.all().item<bool>()) realTokens = null;

        int start = cache?.Length ?? 0;
        Tensor positions;
        Tensor? keyMask = null;
        if (cache is null)
        {
            positions = realTokens is null
                ? arange(time, dtype: ScalarType.Int64, device: device).expand(batch, time)
                : (realTokens.cumsum(1, type: ScalarType.Int64) - 1).clamp_min_(0);
            keyMask = realTokens;
        }
        else
        {
            var newMask = realTokens ?? ones(batch, time, dtype: ScalarType.Bool, device: device);
            var offsets = cache.RealCounts(batch, device).unsqueeze(1);
            positions = (offsets + newMask.cumsum(1, type: ScalarType.Int64) - 1).clamp_min_(0);
            var allKeys = cache.Extend(newMask);
            if (cache.HasPadding || time > 1) keyMask = allKeys;
        }

        // A bool mask only where needed: with no padding and no cache offset, SDPA's own causal path is faster.
        var mask = keyMask is null ? null : AttentionMask(keyMask, start, time);
        bool causal = mask is null && time > 1;
        var (cos, sin) = _rotary.Angles(positions);
        var hidden = embed_tokens.forward(inputIds);
        foreach (var layer in layers) hidden = layer.Forward(hidden, cos, sin, mask, causal, cache, start);
        return norm.forward(hidden).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// [batch, 1, time, keys]: query i (absolute position start + i) sees real keys at or before it. Every query also
    /// sees itself, so a padding query has a finite softmax and cannot turn later layers' padding keys into NaN.
    /// </summary>
    private static Tensor AttentionMask(Tensor keyMask, int start, long time)
    {
        long keys = keyMask.shape[1];
        var device = keyMask.device;
        var queryPositions = arange(start, start + time, dtype: ScalarType.Int64, device: device).unsqueeze(1);
        var keyPositions = arange(keys, dtype: ScalarType.Int64, device: device).unsqueeze(0);
        var causal = keyPositions.le(queryPositions);
        var self = keyPositions.eq(queryPositions);
        return causal.unsqueeze(0).logical_and(keyMask.unsqueeze(1)).logical_or_(self.unsqueeze(0)).unsqueeze(1);
    }
}
