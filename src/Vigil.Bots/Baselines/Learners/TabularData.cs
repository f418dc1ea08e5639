namespace Vigil.Bots.Baselines.Learners;

/// <summary>A dense feature matrix (row-major, <see cref="Rows"/> × <see cref="Columns"/>) with optional labels.</summary>
public sealed class TabularData
{
    public TabularData(float[] values, int rows, int columns, bool[]? labels = null)
    {
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"A {rows} × {columns} matrix needs {(long)rows * columns} values, got {values.Length}.");
        if (labels is not null && labels.Length != rows)
            throw new ArgumentException($"There are {rows} rows but {labels.Length} labels.");
        Values = values;
        Rows = rows;
        Columns = columns;
        Labels = labels;
    }

    public float[] Values { get; }
    public int Rows { get; }
    public int Columns { get; }
    public bool[]? Labels { get; }

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public float this[int row, int column] => Values[row * Columns + column];

    public bool[] RequireLabels() => Labels ?? throw new InvalidOperationException("This matrix has no labels to train on.");
}
