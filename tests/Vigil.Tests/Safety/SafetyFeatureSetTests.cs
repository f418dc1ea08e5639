using Vigil.Core.Text.Hashed;
using Vigil.Safety.Labels;
using Vigil.Safety.Verification;
using Vigil.Safety.Verifiers.Learned;

namespace Vigil.Tests.Safety;

public sealed class SafetyFeatureSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-features-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Sets_have_the_widths_of_their_parts_and_parse_by_name()
    {
        Assert.Equal(3 * 384 + 5, SafetyFeatureSet.Base.Width(384));
        Assert.Equal(3 * 384 + 5 + ResponseShapeCues.Count, SafetyFeatureSet.Cues.Width(384));
        Assert.Equal(4 * 384 + 5 + ResponseShapeCues.Count, SafetyFeatureSet.CuesOpening.Width(384));
        Assert.Equal(4 * 384 + 5 + ResponseShapeCues.Count, SafetyFeatureSet.CuesTail.Width(384));
        Assert.Equal(5 * 384 + 5 + ResponseShapeCues.Count, SafetyFeatureSet.CuesOpeningTail.Width(384));
        Assert.Same(SafetyFeatureSet.CuesTail, SafetyFeatureSet.Parse(" CUES+tail "));
        var e = Assert.Throws<ArgumentException>(() => SafetyFeatureSet.Parse("cues+middle"));
        Assert.Contains("cues+middle", e.Message);
        Assert.Contains("cues+opening+tail", e.Message);
    }

    [Fact]
    public void Opening_stops_at_the_first_sentence_end_after_24_characters()
    {
        Assert.Equal("I cannot fulfill your request.", SafetyPairFeatures.Opening("  I cannot fulfill your request. I'm just an AI, it's not within my programming."));
        // "Sure." is too short to be the whole opening; the line break after the colon ends it.
        Assert.Equal("Sure. Here is a tutorial on the topic:", SafetyPairFeatures.Opening("Sure. Here is a tutorial on the topic:\n1. Gather"));
        Assert.Equal("short answer", SafetyPairFeatures.Opening("short answer"));
        var longRun = string.Join(' ', Enumerable.Repeat("word", 60));
        var opening = SafetyPairFeatures.Opening(longRun);
        Assert.True(opening.Length <= SafetyPairFeatures.OpeningChars);
        Assert.EndsWith("word", opening);
    }

    [Fact]
    public void Tail_is_the_last_characters_cut_forward_to_a_word()
    {
        Assert.Equal("whole text", SafetyPairFeatures.Tail("  whole text ", 20));
        // Last 12 characters of "alpha beta gamma delta" are "a gamma delta"[1..] = " gamma delta" → cut after the space.
        Assert.Equal("gamma delta", SafetyPairFeatures.Tail("alpha beta gamma delta", 12));
        Assert.Equal("delta", SafetyPairFeatures.Tail("alpha beta gamma delta", 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => SafetyPairFeatures.Tail("x", 0));
    }

    [Fact]
    public void Shape_cues_read_openings_lists_refusals_and_pivots()
    {
        var cues = new float[ResponseShapeCues.Count];
        var answer = "Sure, here is a step-by-step tutorial:\n1. Gather the materials.\n2. Mix them.\n- optional: stir\nPlease note this is risky.";
        ResponseShapeCues.Write(answer, 512, cues);
        Assert.Equal(1, cues[0]);                                        // agreeing opening
        Assert.Equal(0, cues[1]);                                        // not straight into content
        // "here is", "step-by-step", "materials", "tutorial" of the compliance phrases.
        Assert.Equal(Math.Log(5) / Math.Log(9), cues[2], 5);
        Assert.Equal(Math.Log(3) / Math.Log(17), cues[3], 5);           // two numbered lines
        Assert.Equal(Math.Log(2) / Math.Log(17), cues[4], 5);           // one bullet
        Assert.Equal(Math.Log(6) / Math.Log(65), cues[5], 5);           // five lines
        Assert.Equal(0, cues[6]);                                        // no refusal phrase
        Assert.Equal(1, cues[7]);                                        // first refusal: none
        Assert.Equal(0, cues[8]);                                        // no pivot
        Assert.Equal(Math.Log(2) / Math.Log(9), cues[9], 5);            // "please note"
        Assert.Equal(0, cues[10]);                                       // all of it is in the head

        var refusal = "**Warning** I can't help with that. However, I can offer safer alternatives instead.";
        ResponseShapeCues.Write(refusal, 20, cues);
        Assert.Equal(0, cues[0]);
        Assert.Equal(1, cues[1]);                                        // opens with bold text
        Assert.Equal(Math.Log(2) / Math.Log(9), cues[6], 5);            // "I can't"
        Assert.Equal((float)refusal.IndexOf("I can't", StringComparison.Ordinal) / refusal.Length, cues[7], 5);
        // The 20-character head "**Warning** I can't" holds no pivot; the rest is beyond it.
        Assert.Equal(0, cues[8]);
        var head = SafetyPairFeatures.Head(refusal, 20);
        Assert.Equal((float)(refusal.Length - head.Length) / refusal.Length, cues[10], 5);
        ResponseShapeCues.Write(refusal, 512, cues);
        Assert.Equal(Math.Log(4) / Math.Log(9), cues[8], 5);            // "however", "instead", "i can offer"

        ResponseShapeCues.Write("", 512, cues);
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 }, cues);
        Assert.Throws<ArgumentException>(() => ResponseShapeCues.Write("x", 512, new float[3]));
    }

    [Fact]
    public void Richer_sets_append_cues_opening_and_tail_vectors_after_the_base_features()
    {
        using var encoder = new HashedNgramEncoder(new HashedNgramOptions { Dimension = 8 });
        int dim = encoder.Dimension;
        var response = "Sure, here is how. " + string.Join(' ', Enumerable.Repeat("then mix it well", 20)) + " and finally serve it cold.";
        var items = new[] { new VerificationInput("How do I make soup?", response), new VerificationInput("Say hi", "I'm sorry, I can't.") };
        var baseRows = SafetyPairFeatures.Build(encoder, items, 64);
        var full = SafetyPairFeatures.Build(encoder, items, 64, set: SafetyFeatureSet.CuesOpeningTail);
        int bw = SafetyFeatureSet.Base.Width(dim), fw = SafetyFeatureSet.CuesOpeningTail.Width(dim);
        Assert.Equal(items.Length * fw, full.Length);
        for (int i = 0; i < items.Length; i++)
        {
            var row = full.AsSpan(i * fw, fw);
            Assert.Equal(baseRows.AsSpan(i * bw, bw).ToArray(), row[..bw].ToArray());
            var cues = new float[ResponseShapeCues.Count];
            ResponseShapeCues.Write(items[i].Response, 64, cues);
            Assert.Equal(cues, row.Slice(bw, cues.Length).ToArray());
            var expected = encoder.Encode(new[] { SafetyPairFeatures.Opening(items[i].Response), SafetyPairFeatures.Tail(items[i].Response, 64) });
            Assert.Equal(expected, row[(bw + cues.Length)..].ToArray());
        }
        Assert.EndsWith("serve it cold.", SafetyPairFeatures.Tail(response, 64));
    }

    [Fact]
    public void Candidates_cross_feature_sets_with_head_settings()
    {
        var head = new SafetyHeadTrainingOptions { Hidden = 64 };
        var plain = SafetyHeadCandidate.Across(new[] { SafetyFeatureSet.Base, SafetyFeatureSet.Cues }, head, variations: false);
        Assert.Equal(new[] { "baseline", "cues: baseline" }, plain.Select(c => c.Name));
        Assert.Equal(new[] { SafetyFeatureSet.Base, SafetyFeatureSet.Cues }, plain.Select(c => c.Features));
        Assert.All(plain, c => Assert.Equal(head, c.Head));
        var around = SafetyHeadCandidate.Across(new[] { SafetyFeatureSet.CuesTail }, head, variations: true);
        Assert.Equal(SafetyHeadCandidate.AroundBaseline(head).Select(c => "cues+tail: " + c.Name), around.Select(c => c.Name));
        Assert.Contains("features cues+tail", around[0].Describe());
        Assert.Throws<ArgumentException>(() => SafetyHeadCandidate.Across(Array.Empty<SafetyFeatureSet>(), head, true));
    }

    [Fact]
    public void The_feature_set_is_saved_with_the_weights_and_checked_on_load()
    {
        int dim = 4;
        var set = SafetyFeatureSet.CuesTail;
        int width = set.Width(dim);
        var random = new Random(1);
        float[] R(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextDouble()).ToArray();
        var head = new SafetyHead(width, 3, R(width), Enumerable.Repeat(1f, width).ToArray(), R(3 * width), R(3), R(SafetyLabels.Count * 3), R(SafetyLabels.Count));
        var model = new SafetyVerifierModel(head, "hashed", "hashed-test", dim, 256, new SafetyVerifierProvenance()) { Features = set };
        var path = Path.Combine(_dir, "tail.json");
        model.Save(path);
        // The name as the writer encodes it ('+' is escaped by System.Text.Json's default encoder).
        var written = System.Text.Json.JsonSerializer.Serialize("cues+tail");
        var text = File.ReadAllText(path);
        Assert.Contains("\"features\": " + written, text);
        Assert.Equal(set, SafetyVerifierModel.Load(path).Features);
        File.WriteAllText(path, text.Replace(written, "\"cues\""));
        Assert.Contains("does not match", Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path)).Message);
        File.WriteAllText(path, text.Replace(written, "\"bogus\""));
        var e = Assert.Throws<InvalidDataException>(() => SafetyVerifierModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("bogus", e.Message);
        // A base-set model is written without the entry, as files were before feature sets existed, and reads back as base.
        var baseWidth = SafetyFeatureSet.Base.Width(dim);
        var baseHead = new SafetyHead(baseWidth, 3, R(baseWidth), Enumerable.Repeat(1f, baseWidth).ToArray(), R(3 * baseWidth), R(3), R(SafetyLabels.Count * 3), R(SafetyLabels.Count));
        var plain = Path.Combine(_dir, "base.json");
        (model with { Head = baseHead, Features = SafetyFeatureSet.Base }).Save(plain);
        Assert.DoesNotContain("\"features\"", File.ReadAllText(plain));
        Assert.Equal(SafetyFeatureSet.Base, SafetyVerifierModel.Load(plain).Features);
    }
}
