using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Policy;

public sealed class TransformerLanguageModelTests
{
    private static readonly long[] Sequence = [5, 17, 3, 40, 22, 9, 61];

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Parameter_names_are_hugging_faces(string modelType)
    {
        using var model = TinyPolicies.Create(modelType, seed: 1);
        var names = model.named_parameters().Select(p => p.name).ToHashSet();
        var expected = new HashSet<string> { "model.embed_tokens.weight", "model.norm.weight" };
        for (int i = 0; i < 2; i++)
        {
            string p = $"model.layers.{i}.";
            foreach (var proj in new[] { "q_proj", "k_proj", "v_proj", "o_proj" }) expected.Add(p + $"self_attn.{proj}.weight");
            foreach (var proj in new[] { "q_proj", "k_proj", "v_proj" }) expected.Add(p + $"self_attn.{proj}.bias");
            foreach (var proj in new[] { "gate_proj", "up_proj", "down_proj" }) expected.Add(p + $"mlp.{proj}.weight");
            expected.Add(p + "input_layernorm.weight");
            expected.Add(p + "post_attention_layernorm.weight");
            if (modelType == TransformerConfig.Llama) expected.Add(p + "self_attn.o_proj.bias");
        }
        if (modelType == TransformerConfig.Llama) expected.Add("lm_head.weight");
        Assert.Equal(expected.Order(), names.Order());
        Assert.Equal(expected.Order(), model.state_dict().Keys.Order());
        Assert.Equal([8L * 4, 32], model.named_parameters().Single(p => p.name == "model.layers.0.self_attn.q_proj.weight").parameter.shape);
        Assert.Equal([8L * 2, 32], model.named_parameters().Single(p => p.name == "model.layers.1.self_attn.k_proj.weight").parameter.shape);
    }

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Logits_match_a_naive_loop_reference(string modelType)
    {
        using var model = TinyPolicies.Create(modelType, seed: 2);
        var reference = NaiveTransformer.Logits(model, Sequence);
        using var logits = model.Logits(TinyPolicies.Ids(Sequence)).to_type(ScalarType.Float64);
        var actual = logits[0].data<double>().ToArray();
        for (int t = 0; t < Sequence.Length; t++)
            for (int v = 0; v < TinyPolicies.Vocab; v++)
                Assert.True(Math.Abs(actual[t * TinyPolicies.Vocab + v] - reference[t, v]) < 1e-3,
                    $"position {t} token {v}: {actual[t * TinyPolicies.Vocab + v]} vs {reference[t, v]}");
    }

    [Fact]
    public void Grouped_query_attention_equals_multi_head_attention_with_repeated_key_value_weights()
    {
        using var grouped = TinyPolicies.Create(TransformerConfig.Llama, seed: 3, keyValueHeads: 2);
        using var full = new TransformerLanguageModel(TinyPolicies.Config(TransformerConfig.Llama, keyValueHeads: 4));
        var source = grouped.state_dict();
        using (no_grad())
            foreach (var (name, target) in full.named_parameters())
            {
                var value = source[name];
                // Key/value head j of the grouped model serves query heads 2j and 2j + 1: give each its own copy.
                if (name.Contains("k_proj") || name.Contains("v_proj"))
                    value = value.reshape([2, 8, .. value.shape[1..]]).repeat_interleave(2, 0).reshape(target.shape);
                target.copy_(value);
            }
        using var ids = TinyPolicies.Ids(Sequence);
        using var expected = full.Logits(ids);
        using var actual = grouped.Logits(ids);
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Left_padded_batch_gives_the_logits_of_each_unpadded_row(string modelType)
    {
        using var model = TinyPolicies.Create(modelType, seed: 4);
        long[] shortRow = [7, 8, 9];
        using var ids = TinyPolicies.Ids([0, 0, 0, 0, .. shortRow], Sequence);
        using var mask = TinyPolicies.Ids([0, 0, 0, 0, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1]);
        using var batch = model.Logits(ids, mask);
        using var alone = model.Logits(TinyPolicies.Ids(shortRow));
        using var full = model.Logits(TinyPolicies.Ids(Sequence));
        Assert.False(batch.isnan().any().item<bool>());
        Assert.True(batch[0].narrow(0, 4, 3).allclose(alone[0], rtol: 1e-4, atol: 1e-5));
        Assert.True(batch[1].allclose(full[0], rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Padding_on_both_sides_leaves_the_real_tokens_logits_alone()
    {
        // RL batches: left-padded prompts followed by completions of different lengths, right-padded.
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 8);
        using var ids = TinyPolicies.Ids([0, 0, 7, 8, 9, 10, 0, 0]);
        using var mask = TinyPolicies.Ids([0, 0, 1, 1, 1, 1, 0, 0]);
        using var padded = model.Logits(ids, mask);
        using var alone = model.Logits(TinyPolicies.Ids([7, 8, 9, 10]));
        Assert.False(padded.isnan().any().item<bool>());
        Assert.True(padded[0].narrow(0, 2, 4).allclose(alone[0], rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(TransformerConfig.Qwen2)]
    [InlineData(TransformerConfig.Llama)]
    public void Incremental_decoding_with_the_cache_matches_one_full_forward(string modelType)
    {
        using var model = TinyPolicies.Create(modelType, seed: 5);
        long[] shortRow = [7, 8, 9, 30, 31, 32];
        using var ids = TinyPolicies.Ids([0, 0, 0, .. shortRow, 11], [.. Sequence, 12, 13, 14]);
        using var mask = TinyPolicies.Ids([0, 0, 0, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        using var full = model.Logits(ids, mask);
        using var cache = new KvCache(capacity: 4);   // smaller than needed: the cache must grow
        using var noGrad = no_grad();
        // A 5-token prefill, a 2-token chunk, then single tokens.
        var pieces = new List<Tensor> { model.Logits(ids.narrow(1, 0, 5), mask.narrow(1, 0, 5), cache), model.Logits(ids.narrow(1, 5, 2), null, cache) };
        for (int t = 7; t < 10; t++) pieces.Add(model.Logits(ids.narrow(1, t, 1), null, cache));
        using var incremental = cat(pieces, 1);
        Assert.Equal(10, cache.Length);
        var real = mask.to_type(ScalarType.Bool).unsqueeze(-1);
        Assert.True(incremental.masked_select(real).allclose(full.masked_select(real), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Dropping_rows_from_the_cache_keeps_the_remaining_rows_exact()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Qwen2, seed: 6);
        using var ids = TinyPolicies.Ids([0, 0, 4, 5, 6], [1, 2, 3, 4, 5]);
        using var mask = TinyPolicies.Ids([0, 0, 1, 1, 1], [1, 1, 1, 1, 1]);
        using var cache = new KvCache(capacity: 8);
        using var noGrad = no_grad();
        using var _ = model.Logits(ids, mask, cache);
        using var keep = tensor(new long[] { 0 });
        cache.KeepRows(keep);
        Assert.True(cache.HasPadding);
        using var next = model.Logits(TinyPolicies.Ids([7]), null, cache);
        using var reference = model.Logits(TinyPolicies.Ids([4, 5, 6, 7]));
        Assert.True(next[0, 0].allclose(reference[0, 3], rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Training_step_sends_gradients_to_every_parameter()
    {
        using var model = TinyPolicies.Create(TransformerConfig.Llama, seed: 7);
        using var ids = TinyPolicies.Ids(Sequence);
        using var logits = model.Logits(ids);
        using var loss = logits.square().mean();
        loss.backward();
        foreach (var (name, parameter) in model.named_parameters())
            Assert.True(parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0, name);
    }
}
