namespace Vigil.Safety.Evaluation;

/// <summary>
/// Agreement of a verifier's binary call with a reference judgement over <see cref="Count"/> items. "Positive" is
/// the harmful side (Llama Guard: unsafe; XSTest: full compliance).
/// </summary>
public sealed record BinaryAgreement(int TruePositive, int FalsePositive, int FalseNegative, int TrueNegative)
{
    public int Count => TruePositive + FalsePositive + FalseNegative + TrueNegative;
    public int Agreements => TruePositive + TrueNegative;
    public double Rate => Count == 0 ? 0 : (double)Agreements / Count;

    public static BinaryAgreement From(IEnumerable<(bool Reference, bool Predicted)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (reference, predicted) in pairs)
        {
            if (reference && predicted) tp++;
            else if (!reference && predicted) fp++;
            else if (reference) fn++;
            else tn++;
        }
        return new BinaryAgreement(tp, fp, fn, tn);
    }
}
