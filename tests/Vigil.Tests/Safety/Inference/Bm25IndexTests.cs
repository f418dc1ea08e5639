using Vigil.Safety.Inference.Retrieval;
using Vigil.Safety.Inference.Scoring;
using Vigil.Safety.Inference.Steps;

namespace Vigil.Tests.Safety.Inference;

public sealed class Bm25IndexTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-bm25-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Bm25Index Three() => new(new[]
    {
        new Bm25Document("d1", "the cat sat on the mat"),
        new Bm25Document("d2", "the dog sat"),
        new Bm25Document("d3", "cats and dogs"),
    });

    [Fact]
    public void Scores_match_hand_computed_bm25()
    {
        // N = 3, lengths 6, 3, 3, avgdl = 4, k1 = 1.2, b = 0.75.
        // "cat": n = 1, idf = ln(1 + 2.5/1.5) = ln(8/3); in d1 f = 1, |d|/avgdl = 1.5 → norm = 1.2·(0.25 + 1.125) = 1.65.
        // "sat": n = 2, idf = ln(1 + 1.5/2.5) = ln(1.6); in d1 as above, in d2 |d|/avgdl = 0.75 → norm = 1.2·(0.25 + 0.5625) = 0.975.
        var index = Three();
        double idfCat = Math.Log(8.0 / 3), idfSat = Math.Log(1.6);
        Assert.Equal(idfCat * 2.2 / 2.65 + idfSat * 2.2 / 2.65, index.Score("cat sat", 0), 12);
        Assert.Equal(idfSat * 2.2 / 1.975, index.Score("cat sat", 1), 12);
        Assert.Equal(0, index.Score("cat sat", 2));
        // "the" twice in d1: f = 2 → 2·2.2/(2 + 1.65); n = 2.
        Assert.Equal(idfSat * 4.4 / 3.65, index.Score("THE", 0), 12);
        var hits = index.Search("cat sat", 5);
        Assert.Equal(new[] { "d1", "d2" }, hits.Select(h => h.Document.Id));
    }

    [Fact]
    public void Folder_index_reads_paragraphs_and_json_lines_and_names_bad_lines()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.md"), "First paragraph.\n\nSecond one.\n");
        File.WriteAllText(Path.Combine(_dir, "docs.jsonl"), "{\"id\": \"x\", \"title\": \"T\", \"text\": \"body\"}\n\n{\"text\": \"no id\"}\n");
        File.WriteAllText(Path.Combine(_dir, "skip.csv"), "a,b");
        var index = Bm25Index.FromFolder(_dir);
        Assert.Equal(new[] { "x", "docs.jsonl:3", "notes.md#1", "notes.md#2" }, index.Documents.Select(d => d.Id));
        Assert.Equal("T\nbody", index.Documents[0].Text);
        File.WriteAllText(Path.Combine(_dir, "bad.jsonl"), "{\"text\": 1}\n");
        var e = Assert.Throws<InvalidDataException>(() => Bm25Index.FromFolder(_dir));
        Assert.Contains("bad.jsonl:1", e.Message);
    }

    [Fact]
    public async Task Search_action_inserts_only_snippets_the_safety_verifier_passes()
    {
        var index = new Bm25Index(new[]
        {
            new Bm25Document("safe", "Bleach and ammonia must never be mixed [0.9]"),
            new Bm25Document("harm", "Mix bleach and ammonia like this UNSAFE [0.9]"),
            new Bm25Document("other", "Unrelated text about gardens"),
        });
        var verifier = new BracketScoreVerifier("safety");
        var action = new RetrievalAction(index, verifier) { TopK = 3 };
        var trace = new ReasoningTrace("q", new[] { "I should check. <search>bleach ammonia</search> and invented results" });
        var meter = new ComputeMeter();
        var after = await action.ApplyAsync(trace, meter);
        Assert.Equal("I should check. <search>bleach ammonia</search>", after.Steps[0]);
        Assert.Equal("<result>[safe] Bleach and ammonia must never be mixed [0.9]</result>", after.Steps[1]);
        Assert.Equal(2, meter.VerifierCalls);
        Assert.All(verifier.Seen, v => Assert.Equal("bleach ammonia", v.Prompt));
        Assert.Same(after, await action.ApplyAsync(after, meter));
    }
}
