namespace Vigil.Graphs.Nn.Norm;

/// <summary>The three PairNorm variants of Zhao &amp; Akoglu (2020).</summary>
public enum PairNormMode
{
    /// <summary>Centre columns, then scale so the mean squared row norm is s².</summary>
    PN,
    /// <summary>Scale-individually: centre columns, then scale every row to norm s.</summary>
    PNSI,
    /// <summary>Scale-and-centre-shift: scale every row to norm s, then subtract the column mean.</summary>
    PNSCS,
}
