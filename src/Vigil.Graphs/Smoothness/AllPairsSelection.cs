namespace Vigil.Graphs.Smoothness;

/// <summary>The all-ones mask of global MAD.</summary>
internal sealed class AllPairsSelection : PairSelection
{
    public override int CategoryCount => 1;
    public override void BeginRow(int row) { }
    public override byte CategoryOf(int column) => 1;
}
