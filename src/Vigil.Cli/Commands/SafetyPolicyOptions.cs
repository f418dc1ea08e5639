using System.CommandLine;
using Vigil.Safety.Policy;
using Vigil.Safety.Policy.Checkpoints;
using Vigil.Safety.Policy.Generation;
using Vigil.Safety.Policy.Model;
using Vigil.Safety.Policy.Tokenization;

namespace Vigil.Cli.Commands;

/// <summary>The options that load an in-process policy (a Hugging Face checkpoint folder with tokenizer.json) and its chat template.</summary>
internal sealed class SafetyPolicyOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = "Policy checkpoint folder (config.json, model.safetensors, tokenizer.json) run in-process." };

    public Option<string> Template { get; } = new("--template") { Description = "Chat template of the policy: demo, chatml or llama3.", DefaultValueFactory = _ => "demo" };

    public SafetyPolicyOptions() => Template.AcceptOnlyFromAmong("demo", "chatml", "llama3");

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Template);
    }

    public ChatTemplate ChatTemplate(ParseResult parse) => parse.GetValue(Template) switch
    {
        "chatml" => Safety.Policy.ChatTemplate.ChatML,
        "llama3" => Safety.Policy.ChatTemplate.Llama3,
        _ => Safety.Policy.ChatTemplate.Demo,
    };

    /// <summary>Loads the policy of --model; the caller disposes the model.</summary>
    public static (TransformerLanguageModel Model, PolicyTextGenerator Generator) Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Policy folder '{directory}' does not exist.");
        var tokenizer = BpeTextTokenizer.Load(directory);
        var model = PolicyCheckpoint.Load(directory);
        return (model, new PolicyTextGenerator(model, tokenizer));
    }
}
