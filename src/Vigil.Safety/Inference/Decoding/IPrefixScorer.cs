namespace Vigil.Safety.Inference.Decoding;

/// <summary>Values partial responses to a prompt, each in [0, 1] (higher is better); one value per partial, in order.</summary>
public interface IPrefixScorer
{
    IReadOnlyList<double> Score(string prompt, IReadOnlyList<string> partialResponses);
}
