namespace Vigil.Bots.Baselines.Learners;

/// <summary>
/// SMOTE (Chawla et al. 2002): oversamples the minority class to the majority's size with points on the segments
/// between a minority row and one of its <paramref name="neighbours"/> nearest minority rows (Euclidean, raw
/// features, as imbalanced-learn does). Neighbours are searched among at most <paramref name="searchLimit"/> minority
/// rows drawn at random, which keeps the brute-force search linear in the data size. Returns the data unchanged when
/// the classes are already balanced.
/// </summary>
public sealed class Smote(int neighbours = 5, int searchLimit = 4096)
{
    public string Config => $"\"smote\":{{\"neighbours\":{neighbours},\"search_limit\":{searchLimit}}}";

    public TabularData Resample(TabularData data, int seed)
    {
        var labels = data.RequireLabels();
        int positives = labels.Count(l => l);
        int negatives = data.Rows - positives;
        if (positives == negatives || positives == 0 || negatives == 0) return data;
        bool minorityLabel = positives < negatives;
        var minority = Enumerable.Range(0, data.Rows).Where(i => labels[i] == minorityLabel).ToArray();
        int needed = Math.Abs(positives - negatives);
        var random = new Random(seed);
        var candidates = minority.Length <= searchLimit ? minority : minority.OrderBy(_ => random.Next()).Take(searchLimit).ToArray();
        int k = Math.Min(neighbours, candidates.Length - 1);
        int d = data.Columns;
        var values = new float[(data.Rows + needed) * d];
        data.Values.CopyTo(values, 0);
        var newLabels = new bool[data.Rows + needed];
        labels.CopyTo(newLabels, 0);
        var nearest = new Dictionary<int, int[]>();
        for (int s = 0; s < needed; s++)
        {
            int a = minority[random.Next(minority.Length)];
            int row = data.Rows + s;
            newLabels[row] = minorityLabel;
            var target = values.AsSpan(row * d, d);
            if (k < 1)
            {
                data.Row(a).CopyTo(target);
                continue;
            }
            if (!nearest.TryGetValue(a, out var near)) nearest[a] = near = Nearest(data, a, candidates, k);
            int b = near[random.Next(near.Length)];
            float gap = (float)random.NextDouble();
            var xa = data.Row(a);
            var xb = data.Row(b);
            for (int j = 0; j < d; j++) target[j] = xa[j] + gap * (xb[j] - xa[j]);
        }
        return new TabularData(values, data.Rows + needed, d, newLabels);
    }

    private static int[] Nearest(TabularData data, int row, int[] candidates, int k)
    {
        var distances = new List<(int Row, double Distance)>(candidates.Length);
        foreach (int c in candidates)
        {
            if (c == row) continue;
            var x = data.Row(row);
            var y = data.Row(c);
            double dist = 0;
            for (int j = 0; j < x.Length; j++) dist += (double)(x[j] - y[j]) * (x[j] - y[j]);
            distances.Add((c, dist));
        }
        return distances.OrderBy(p => p.Distance).ThenBy(p => p.Row).Take(k).Select(p => p.Row).ToArray();
    }
}
