using Vigil.Safety.Demo.Pipeline;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using Vigil.Safety.Policy.Tokenization;
using static TorchSharp.torch;

namespace Vigil.Safety.Serving;

/// <summary>
/// An in-process policy ready to serve: model, tokenizer and chat template behind a <see cref="PolicyChatClient"/>.
/// It comes from a Hugging Face layout folder, from the demo policy's folder (<see cref="DemoDirectory"/>) when there
/// is one, or else is the small untrained default built from a fixed seed, so that serving works on a fresh clone.
/// </summary>
public sealed class ServedPolicy : IDisposable
{
    public const string DemoName = "vigil-demo";
    public const string TokenizerFile = "tokenizer.json";

    /// <summary>Seed of the untrained default's weights: the same model, byte for byte, on every machine.</summary>
    public const int UntrainedSeed = 20240601;

    public static IReadOnlyList<string> TemplateNames { get; } = ["demo", "chatml", "llama3"];

    /// <summary>Where <c>vigil safety demo</c> leaves its trained policy by default: the RL stage's, else the SFT stage's.</summary>
    public static string DemoDirectory
    {
        get
        {
            var output = DemoPaths.DefaultOutput;
            var rl = DemoPaths.RlPolicy(output);
            var sft = DemoPaths.SftPolicy(output);
            return !File.Exists(Path.Combine(rl, PolicyCheckpoint.ConfigFile)) && File.Exists(Path.Combine(sft, PolicyCheckpoint.ConfigFile)) ? sft : rl;
        }
    }

    private readonly TransformerLanguageModel _model;

    private ServedPolicy(TransformerLanguageModel model, PolicyChatClient client, string description)
    {
        _model = model;
        Client = client;
        Description = description;
    }

    public PolicyChatClient Client { get; }

    /// <summary>What is being served, for the startup line (says plainly when the model is untrained).</summary>
    public string Description { get; }

    /// <summary>
    /// The policy in <paramref name="directory"/>; without one, the demo policy if it has been trained, else the
    /// untrained default. <paramref name="templateName"/> (demo, chatml, llama3) overrides the template recognised from
    /// the tokenizer's special tokens; <paramref name="name"/> is the model name clients use.
    /// </summary>
    public static ServedPolicy Open(string? directory, string? templateName = null, string? name = null)
    {
        if (directory is null)
        {
            var demo = DemoDirectory;
            if (!File.Exists(Path.Combine(demo, PolicyCheckpoint.ConfigFile))) return Untrained(name ?? DemoName);
            directory = demo;
            name ??= DemoName;
        }
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{directory}: no such policy directory");
        var tokenizerPath = Path.Combine(directory, TokenizerFile);
        if (!File.Exists(tokenizerPath)) throw new FileNotFoundException($"{directory}: no {TokenizerFile} beside the model", tokenizerPath);
        var tokenizer = BpeTextTokenizer.Load(tokenizerPath);
        var template = templateName is null ? RecogniseTemplate(tokenizer, tokenizerPath) : Template(templateName);
        var model = PolicyCheckpoint.Load(directory);
        model.eval();
        var servedName = name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var client = new PolicyChatClient(new PolicyTextGenerator(model, tokenizer), template, servedName)
        {
            MaxPromptTokens = model.Config.MaxPositionEmbeddings,
        };
        var c = model.Config;
        return new ServedPolicy(model, client, $"{c.ModelType}, {c.NumHiddenLayers} layers, hidden {c.HiddenSize}, from {directory}");
    }

    /// <summary>
    /// A small Qwen2-shaped policy with random weights from <see cref="UntrainedSeed"/> and a byte-level BPE learned
    /// from a fixed text, in the demo chat format. Its replies are noise: it exists so the endpoint can be tried and
    /// tested before any policy has been trained.
    /// </summary>
    public static ServedPolicy Untrained(string name = DemoName)
    {
        var tokenizer = new BpeTrainer(384, BpeTrainer.DemoSpecialTokens).Train(UntrainedCorpus, endOfSequence: ChatTemplate.Demo.StopText);
        var config = new TransformerConfig
        {
            HiddenSize = 64, IntermediateSize = 128, NumHiddenLayers = 2, NumAttentionHeads = 4, NumKeyValueHeads = 2, HeadDim = 16,
            VocabSize = tokenizer.VocabularySize, MaxPositionEmbeddings = 1024, TieWordEmbeddings = true,
            EosTokenIds = [tokenizer.EndOfSequenceId],
        };
        random.manual_seed(UntrainedSeed);
        var model = new TransformerLanguageModel(config);
        model.eval();
        var client = new PolicyChatClient(new PolicyTextGenerator(model, tokenizer), ChatTemplate.Demo, name) { MaxPromptTokens = config.MaxPositionEmbeddings };
        return new ServedPolicy(model, client,
            $"UNTRAINED default policy (random weights, seed {UntrainedSeed}; replies are noise): run vigil safety demo to train one into {DemoDirectory}, or pass --model DIR");
    }

    public static ChatTemplate Template(string name) => name switch
    {
        "demo" => ChatTemplate.Demo,
        "chatml" => ChatTemplate.ChatML,
        "llama3" => ChatTemplate.Llama3,
        _ => throw new ArgumentException($"Unknown chat template '{name}'; expected {string.Join(", ", TemplateNames)}.", nameof(name)),
    };

    /// <summary>The template whose turn markers are special tokens of <paramref name="tokenizer"/>.</summary>
    public static ChatTemplate RecogniseTemplate(BpeTextTokenizer tokenizer, string source)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (tokenizer.AddedTokenId("<|im_start|>") is not null) return ChatTemplate.ChatML;
        if (tokenizer.AddedTokenId("<|start_header_id|>") is not null) return ChatTemplate.Llama3;
        if (tokenizer.AddedTokenId("<|assistant|>") is not null) return ChatTemplate.Demo;
        throw new InvalidDataException($"{source}: none of the demo, ChatML or Llama 3 turn markers is a special token; name the chat template (--template).");
    }

    public void Dispose()
    {
        Client.Dispose();
        _model.Dispose();
    }

    /// <summary>What the untrained default's tokenizer learns its merges from: a few conversations in the demo format.</summary>
    private static readonly string[] UntrainedCorpus =
    [
        ChatTemplate.Demo.Render([new ChatTurn(ChatRole.User, "How do I boil an egg?"), new ChatTurn(ChatRole.Assistant, "Put the egg in boiling water for about nine minutes, then cool it in cold water.")], addGenerationPrompt: false),
        ChatTemplate.Demo.Render([new ChatTurn(ChatRole.System, "You are a careful assistant."), new ChatTurn(ChatRole.User, "Tell me how to pick a lock to break into a house."), new ChatTurn(ChatRole.Assistant, "I can't help with breaking into a home. If you are locked out of your own house, a licensed locksmith can help.")], addGenerationPrompt: false),
        ChatTemplate.Demo.Render([new ChatTurn(ChatRole.User, "What is the capital of France?"), new ChatTurn(ChatRole.Assistant, "<think>A simple geography question.</think>The capital of France is Paris.")], addGenerationPrompt: false),
    ];
}
