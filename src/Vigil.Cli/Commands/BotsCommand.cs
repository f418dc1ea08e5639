using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil bots</c>: bot-detection datasets in TwiBot form (TwiBot-22 layout or the older node.json layout).</summary>
public static class BotsCommand
{
    public static Command Create()
    {
        var bots = new Command("bots", "Bot-detection datasets in TwiBot form: generate a synthetic one, check a dataset folder, summarise it, convert older datasets into it, extract model features.");
        bots.Subcommands.Add(BotsGenerateCommand.Create());
        bots.Subcommands.Add(BotsValidateCommand.Create());
        bots.Subcommands.Add(BotsStatsCommand.Create());
        bots.Subcommands.Add(BotsConvertCommand.Create());
        bots.Subcommands.Add(BotsFeaturesCommand.Create());
        return bots;
    }

    internal static Argument<string> DirectoryArgument() => new("DIR")
    {
        Description = "Dataset folder: TwiBot-22 layout (user.json, tweet_N.json, list.json, hashtag.json) or the older node.json layout, with label.csv, split.csv, edge.csv.",
    };

    internal static Option<string> PolicyOption(string defaultPolicy, string description)
    {
        var policy = new Option<string>("--policy") { Description = description, DefaultValueFactory = _ => defaultPolicy };
        policy.AcceptOnlyFromAmong("strict", "lenient");
        return policy;
    }
}
