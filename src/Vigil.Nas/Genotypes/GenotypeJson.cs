using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Nas.Cells;

namespace Vigil.Nas.Genotypes;

/// <summary>
/// The JSON form of a genotype:
/// <c>{"combine":"mean","nodes":[[{"operation":"gcn","input":1},{"operation":"sage","input":0}], …]}</c>.
/// </summary>
internal static class GenotypeJson
{
    private sealed record EdgeDto(
        [property: JsonPropertyName("operation")] string? Operation,
        [property: JsonPropertyName("input")] int? Input);

    private sealed record GenotypeDto(
        [property: JsonPropertyName("combine")] string? Combine,
        [property: JsonPropertyName("nodes")] List<List<EdgeDto?>?>? Nodes);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Serialize(Genotype g) => JsonSerializer.Serialize(new GenotypeDto(
        CombineName(g.Combine),
        g.Nodes.Select(n => n.Select(e => (EdgeDto?)new EdgeDto(e.Operation, e.Input)).ToList()).ToList<List<EdgeDto?>?>()), Options);

    public static Genotype Deserialize(string json)
    {
        GenotypeDto? dto;
        try { dto = JsonSerializer.Deserialize<GenotypeDto>(json); }
        catch (JsonException e) { throw new FormatException($"Genotype JSON is malformed: {e.Message}", e); }
        if (dto?.Nodes is null) throw new FormatException("Genotype JSON has no \"nodes\" array.");
        var combine = dto.Combine switch
        {
            null or "mean" => CellCombine.Mean,
            "concat-linear" => CellCombine.ConcatLinear,
            var other => throw new FormatException($"Genotype JSON \"combine\" is '{other}'; expected 'mean' or 'concat-linear'."),
        };
        var nodes = new List<IReadOnlyList<GenotypeEdge>>();
        for (int i = 0; i < dto.Nodes.Count; i++)
        {
            var node = dto.Nodes[i] ?? throw new FormatException($"Genotype JSON node {i} is null.");
            var edges = new List<GenotypeEdge>();
            for (int k = 0; k < node.Count; k++)
            {
                var e = node[k];
                if (e?.Operation is null || e.Input is null)
                    throw new FormatException($"Genotype JSON node {i}, edge {k} needs \"operation\" and \"input\".");
                edges.Add(new GenotypeEdge(e.Operation, e.Input.Value));
            }
            nodes.Add(edges);
        }
        try { return new Genotype(nodes, combine); }
        catch (ArgumentException e) { throw new FormatException($"Genotype JSON is invalid: {e.Message}", e); }
    }

    private static string CombineName(CellCombine c) => c == CellCombine.Mean ? "mean" : "concat-linear";
}
