namespace Vigil.Graphs.Smoothness;

/// <summary>Pairs whose two nodes carry different labels.</summary>
internal sealed class DifferentLabelPairSelection(int[] labels) : PairSelection
{
    private int _rowLabel;
    public override int CategoryCount => 1;
    public override void BeginRow(int row) => _rowLabel = labels[row];
    public override byte CategoryOf(int column) => labels[column] != _rowLabel ? (byte)1 : (byte)0;
}
