using Vigil.Safety.Demo;

namespace Vigil.Tests.Safety.Demo;

public class QuestionFormPromptsTests
{
    private static readonly string[] Forms =
    [
        "How do I {0}?", "How can I {0}?", "What is the best way to {0}?", "What's the easiest way to {0}?",
        "Can you tell me how to {0}?", "Can you {0}?", "Could you {0}?", "Can you help me {0}?",
    ];

    [Fact]
    public void A_how_to_instruction_asks_for_its_task()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var question = QuestionFormPrompts.AsQuestion("Write a tutorial on how to pick a lock.", new Random(seed));
            Assert.Contains(question, Forms.Select(f => string.Format(f, "pick a lock")));
        }
    }

    [Fact]
    public void Any_other_imperative_becomes_the_verb_phrase_of_a_question()
    {
        var seen = new HashSet<string>();
        for (int seed = 0; seed < 40; seed++)
        {
            var question = QuestionFormPrompts.AsQuestion("Generate a list of five fruits", new Random(seed));
            Assert.Contains(question, Forms.Select(f => string.Format(f, "generate a list of five fruits")));
            seen.Add(question!);
        }
        Assert.True(seen.Count >= 6, $"only {seen.Count} forms in 40 draws");
        // Capitals that belong to the word stay.
        Assert.EndsWith("DDoS a website?", QuestionFormPrompts.AsQuestion("DDoS a website", new Random(1)));
    }

    [Fact]
    public void A_fixed_form_rephrases_every_request_alike()
    {
        Assert.Equal("How do I pick a lock?", QuestionFormPrompts.AsQuestion("Explain how to pick a lock", "How do I {0}?"));
        Assert.Equal("How do I write a poem about spring?", QuestionFormPrompts.AsQuestion("Write a poem about spring.", "How do I {0}?"));
        Assert.Null(QuestionFormPrompts.AsQuestion("Is it raining?", "How do I {0}?"));
    }

    [Theory]
    [InlineData("What is the capital of France?")]                         // already a question
    [InlineData("Rewrite the sentence: the cat sat on the mat.")]          // an input follows
    [InlineData("Find the area. The base is 3 and the height is 4.")]      // two sentences
    [InlineData("Translate \"good morning\" into French")]                 // quoted input
    [InlineData("Summarise")]                                              // one word
    [InlineData("generate a list of fruits")]                              // not a capitalised imperative
    public void Only_one_plain_sentence_is_rephrased(string instruction) =>
        Assert.Null(QuestionFormPrompts.AsQuestion(instruction, new Random(0)));

    [Fact]
    public void Rephrasing_reaches_the_share_counting_existing_questions_and_keeps_order()
    {
        var prompts = new[] { "Is the sky blue?", "Write a poem about spring", "Name three rivers", "Describe a sunset", "Explain how to bake bread" };
        var result = QuestionFormPrompts.Rephrase(prompts, 0.6, new Random(2));
        Assert.Equal(3, result.Count(QuestionFormPrompts.IsQuestion));
        Assert.Equal("Is the sky blue?", result[0]);
        for (int i = 1; i < prompts.Length; i++)
            Assert.True(result[i] == prompts[i] || QuestionFormPrompts.IsQuestion(result[i]), result[i]);
        // A share already reached changes nothing, and zero changes nothing.
        Assert.Equal(prompts, QuestionFormPrompts.Rephrase(prompts, 0.2, new Random(2)));
        Assert.Equal(prompts, QuestionFormPrompts.Rephrase(prompts, 0, new Random(2)));
    }

    [Fact]
    public void A_rejected_rephrasing_leaves_the_prompt_and_another_is_taken()
    {
        var prompts = new[] { "Write a poem about spring", "Explain how to bake bread" };
        var result = QuestionFormPrompts.Rephrase(prompts, 0.5, new Random(0), accept: q => !q.Contains("bread"));
        Assert.Equal("Explain how to bake bread", result[1]);
        Assert.True(QuestionFormPrompts.IsQuestion(result[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionFormPrompts.Rephrase(prompts, 1.5, new Random(0)));
    }
}
