namespace Vigil.Safety.Inference.Search;

/// <summary>
/// Maps a raw verifier score s ∈ [0, 1] to a calibrated probability that the answer is good: Platt scaling
/// σ(a·s + b), fitted by maximum likelihood (Newton's method, a tiny ridge keeps separable data finite) on scores
/// whose outcome is known. <see cref="Identity"/> trusts the raw score.
/// </summary>
public sealed record ConfidenceCalibrator(double A, double B, bool IsIdentity = false)
{
    public static ConfidenceCalibrator Identity { get; } = new(1, 0, IsIdentity: true);

    public double Calibrate(double score) => double.IsNaN(score) ? double.NaN : IsIdentity ? Math.Clamp(score, 0, 1) : Sigmoid(A * score + B);

    public static ConfidenceCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> good, double ridge = 1e-6, int iterations = 100)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(good);
        if (scores.Count != good.Count) throw new ArgumentException($"{scores.Count} scores but {good.Count} outcomes.");
        if (scores.Count < 2) throw new ArgumentException("Calibration needs at least two scored outcomes.");
        double a = 0, b = 0;
        for (int it = 0; it < iterations; it++)
        {
            // Gradient and Hessian of the negative log-likelihood plus ridge/2·(a² + b²).
            double ga = ridge * a, gb = ridge * b, haa = ridge, hab = 0, hbb = ridge;
            for (int i = 0; i < scores.Count; i++)
            {
                double s = scores[i], p = Sigmoid(a * s + b), r = p - (good[i] ? 1 : 0), w = p * (1 - p);
                ga += r * s; gb += r;
                haa += w * s * s; hab += w * s; hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10) break;
        }
        return new ConfidenceCalibrator(a, b);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
