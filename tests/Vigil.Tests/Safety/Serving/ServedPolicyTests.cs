using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Tokenization;
using Vigil.Safety.Serving;

namespace Vigil.Tests.Safety.Serving;

/// <summary>The real TorchSharp policy (the small untrained default) streaming, alone and behind the server.</summary>
[Collection(TorchGlobalRngCollection.Name)]
public sealed class ServedPolicyTests
{
    [Fact]
    public void The_policy_streams_exactly_the_completion_it_generates()
    {
        using var policy = ServedPolicy.Untrained();
        var generator = Assert.IsType<PolicyTextGenerator>(policy.Client.GetService<ITextGenerator>());
        var prompt = ChatTemplate.Demo.Prompt("How do I boil an egg?");
        var options = new SamplingOptions { MaxNewTokens = 16, Temperature = 1.0, Seed = 11 };

        var whole = generator.Generate([prompt], options)[0];
        var pieces = new List<string>();
        var streamed = generator.GenerateStreaming(prompt, options, pieces.Add);

        Assert.Equal(whole.CompletionIds, streamed.CompletionIds);
        Assert.Equal(whole.Text, streamed.Text);
        Assert.StartsWith(whole.Text, string.Concat(pieces));
        Assert.True(pieces.Count > 1, $"expected the text in several pieces, got {pieces.Count}");
    }

    [Fact]
    public void The_untrained_default_is_the_same_model_every_time()
    {
        var prompt = ChatTemplate.Demo.Prompt("Hello");
        var options = new SamplingOptions { MaxNewTokens = 8, Temperature = 0 };
        GeneratedSequence Sample()
        {
            using var policy = ServedPolicy.Untrained();
            return policy.Client.GetService<ITextGenerator>()!.Generate([prompt], options)[0];
        }

        Assert.Equal(Sample().CompletionIds, Sample().CompletionIds);
    }

    [Fact]
    public void A_saved_policy_folder_serves_the_same_model_under_its_folder_name()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-served-policy-").FullName;
        try
        {
            var prompt = ChatTemplate.Demo.Prompt("Hello");
            var options = new SamplingOptions { MaxNewTokens = 8, Temperature = 0 };
            int[] expected;
            using (var untrained = ServedPolicy.Untrained())
            {
                var generator = Assert.IsType<PolicyTextGenerator>(untrained.Client.GetService<ITextGenerator>());
                PolicyCheckpoint.Save(generator.Model, dir);
                Assert.IsType<BpeTextTokenizer>(generator.Tokenizer).Save(Path.Combine(dir, ServedPolicy.TokenizerFile));
                expected = generator.Generate([prompt], options)[0].CompletionIds;
            }

            using var loaded = ServedPolicy.Open(dir);

            Assert.Equal(Path.GetFileName(dir), loaded.Client.ModelId);
            Assert.Contains(dir, loaded.Description);
            Assert.Equal(expected, loaded.Client.GetService<ITextGenerator>()!.Generate([prompt], options)[0].CompletionIds);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_folder_without_a_tokenizer_is_refused_naming_it()
    {
        var dir = Directory.CreateTempSubdirectory("vigil-served-policy-").FullName;
        try
        {
            var missing = Assert.Throws<FileNotFoundException>(() => ServedPolicy.Open(dir));
            Assert.Contains(dir, missing.Message);
            Assert.Contains(ServedPolicy.TokenizerFile, missing.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Through_the_server_a_seeded_stream_matches_the_seeded_reply()
    {
        using var policy = ServedPolicy.Untrained();
        await using var server = await ChatCompletionsServer.StartAsync(policy.Client, new ChatCompletionsServerOptions { Port = 0, LogRequests = false });
        using var chat = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = server.ApiAddress })
            .GetChatClient(ServedPolicy.DemoName).AsIChatClient();
        var options = new ChatOptions { MaxOutputTokens = 12, Seed = 3 };
        ChatMessage[] messages = [new(Microsoft.Extensions.AI.ChatRole.User, "What is the capital of France?")];

        var reply = await chat.GetResponseAsync(messages, options);
        var updates = await chat.GetStreamingResponseAsync(messages, options).ToListAsync();

        Assert.Equal(reply.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(reply.FinishReason, updates.Last(u => u.FinishReason is not null).FinishReason);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(reply.Usage!.OutputTokenCount, usage.OutputTokenCount);
        Assert.Equal(reply.Usage.InputTokenCount, usage.InputTokenCount);
    }
}
