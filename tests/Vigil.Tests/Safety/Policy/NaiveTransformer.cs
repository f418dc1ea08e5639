using Vigil.Safety.Policy.Model;
using static TorchSharp.torch;

namespace Vigil.Tests.Safety.Policy;

/// <summary>
/// An independent reference forward pass for one unpadded sequence, written with loops over heads, positions and
/// rotary pairs in double precision from the state dict alone: rotary rotation of pair (i, i + d/2) by
/// position·θ^(−2i/d), causal softmax attention with key/value head h / g, RMSNorm and SwiGLU.
/// </summary>
internal static class NaiveTransformer
{
    public static double[,] Logits(TransformerLanguageModel model, long[] ids)
    {
        var c = model.Config;
        var weights = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().to_type(ScalarType.Float64));
        double[,] W(string name) => Matrix(weights[name]);
        double[]? B(string name) => weights.TryGetValue(name, out var b) ? b.data<double>().ToArray() : null;
        int T = ids.Length, hidden = c.HiddenSize, D = c.HeadDim, H = c.NumAttentionHeads, groups = c.QueriesPerKeyValue;

        var embed = W("model.embed_tokens.weight");
        var x = new double[T, hidden];
        for (int t = 0; t < T; t++) for (int j = 0; j < hidden; j++) x[t, j] = embed[ids[t], j];

        for (int layer = 0; layer < c.NumHiddenLayers; layer++)
        {
            string p = $"model.layers.{layer}.";
            var h = Norm(x, B(p + "input_layernorm.weight")!, c.RmsNormEps);
            var q = Affine(h, W(p + "self_attn.q_proj.weight"), B(p + "self_attn.q_proj.bias"));
            var k = Affine(h, W(p + "self_attn.k_proj.weight"), B(p + "self_attn.k_proj.bias"));
            var v = Affine(h, W(p + "self_attn.v_proj.weight"), B(p + "self_attn.v_proj.bias"));
            var attended = new double[T, H * D];
            for (int head = 0; head < H; head++)
            {
                int kvHead = head / groups;
                for (int t = 0; t < T; t++)
                {
                    var qt = Rotate(q, t, head * D, D, t, c.RopeTheta);
                    var scores = new double[t + 1];
                    for (int s = 0; s <= t; s++)
                    {
                        var ks = Rotate(k, s, kvHead * D, D, s, c.RopeTheta);
                        for (int i = 0; i < D; i++) scores[s] += qt[i] * ks[i];
                        scores[s] /= Math.Sqrt(D);
                    }
                    double max = scores.Max(), sum = scores.Sum(z => Math.Exp(z - max));
                    for (int s = 0; s <= t; s++)
                        for (int i = 0; i < D; i++) attended[t, head * D + i] += Math.Exp(scores[s] - max) / sum * v[s, kvHead * D + i];
                }
            }
            x = Add(x, Affine(attended, W(p + "self_attn.o_proj.weight"), B(p + "self_attn.o_proj.bias")));
            var n = Norm(x, B(p + "post_attention_layernorm.weight")!, c.RmsNormEps);
            var gate = Affine(n, W(p + "mlp.gate_proj.weight"), null);
            var up = Affine(n, W(p + "mlp.up_proj.weight"), null);
            for (int t = 0; t < T; t++) for (int j = 0; j < gate.GetLength(1); j++) gate[t, j] = gate[t, j] / (1 + Math.Exp(-gate[t, j])) * up[t, j];
            x = Add(x, Affine(gate, W(p + "mlp.down_proj.weight"), null));
        }
        var final = Norm(x, B("model.norm.weight")!, c.RmsNormEps);
        return Affine(final, W(c.TieWordEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight"), null);
    }

    private static double[] Rotate(double[,] m, int row, int offset, int d, int position, double theta)
    {
        var r = new double[d];
        for (int i = 0; i < d / 2; i++)
        {
            double angle = position * Math.Pow(theta, -2.0 * i / d);
            double a = m[row, offset + i], b = m[row, offset + i + d / 2];
            r[i] = a * Math.Cos(angle) - b * Math.Sin(angle);
            r[i + d / 2] = b * Math.Cos(angle) + a * Math.Sin(angle);
        }
        return r;
    }

    private static double[,] Norm(double[,] x, double[] weight, double eps)
    {
        int T = x.GetLength(0), n = x.GetLength(1);
        var y = new double[T, n];
        for (int t = 0; t < T; t++)
        {
            double ms = 0;
            for (int j = 0; j < n; j++) ms += x[t, j] * x[t, j] / n;
            for (int j = 0; j < n; j++) y[t, j] = x[t, j] / Math.Sqrt(ms + eps) * weight[j];
        }
        return y;
    }

    private static double[,] Affine(double[,] x, double[,] w, double[]? bias)
    {
        int T = x.GetLength(0), n = x.GetLength(1), m = w.GetLength(0);
        var y = new double[T, m];
        for (int t = 0; t < T; t++)
            for (int o = 0; o < m; o++)
            {
                double s = bias?[o] ?? 0;
                for (int j = 0; j < n; j++) s += x[t, j] * w[o, j];
                y[t, o] = s;
            }
        return y;
    }

    private static double[,] Add(double[,] a, double[,] b)
    {
        var y = (double[,])a.Clone();
        for (int t = 0; t < a.GetLength(0); t++) for (int j = 0; j < a.GetLength(1); j++) y[t, j] += b[t, j];
        return y;
    }

    private static double[,] Matrix(Tensor t)
    {
        var flat = t.data<double>().ToArray();
        int rows = (int)t.shape[0], cols = (int)t.shape[1];
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i, j] = flat[i * cols + j];
        return m;
    }
}
