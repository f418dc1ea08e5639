namespace Vigil.Graphs.Smoothness;

/// <summary>An arbitrary mask given as a predicate on (row node, column node).</summary>
internal sealed class PredicatePairSelection(Func<int, int, bool> includes) : PairSelection
{
    private int _row;
    public override int CategoryCount => 1;
    public override void BeginRow(int row) => _row = row;
    public override byte CategoryOf(int column) => includes(_row, column) ? (byte)1 : (byte)0;
}
