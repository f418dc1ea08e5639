using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Vigil.Bots.Conversion;
using Vigil.Bots.Validation;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil bots convert --from cresci-2015|twibot-20 SRC --out DIR</c>: converts a released dataset into the TwiBot-22
/// layout, with progress on stderr and a summary of what was converted and what was skipped (and why) at the end.
/// </summary>
public static class BotsConvertCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SRC") { Description = "The released dataset: the Cresci-2015 folder (E13/, TFP/, INT/, FSF/, TWT/) or a TwiBot-20 file or folder (train.json, dev.json, test.json, support.json)." };
        var from = new Option<string>("--from") { Description = "The source format.", Required = true };
        from.AcceptOnlyFromAmong(SourceFormats.Names.ToArray());
        var output = new Option<string>("--out") { Description = "Where to write the TwiBot-22-layout dataset (created if missing).", Required = true };
        var seed = new Option<long>("--seed") { Description = "Seed of the stratified 70/20/10 split written to split.csv (Cresci-2015).", DefaultValueFactory = _ => ConversionOptions.DefaultSeed };
        var policy = BotsCommand.PolicyOption("strict", "Bad rows: strict (default) stops at the first with its file and line; lenient skips and counts them.");
        var json = new Option<bool>("--json") { Description = "Write the summary as one JSON object on stdout." };
        var cmd = new Command("convert", "Convert Cresci-2015 or TwiBot-20 as released into the TwiBot-22 layout.")
        {
            source, from, output, seed, policy, json,
        };
        cmd.SetAction(parse =>
        {
            try
            {
                var options = new ConversionOptions
                {
                    Seed = parse.GetValue(seed),
                    Policy = ValidationPolicy.Parse(parse.GetValue(policy)!),
                    Progress = line => Terminal.Info($"[grey]{Markup.Escape(line)}[/]"),
                };
                var clock = Stopwatch.StartNew();
                var outDir = parse.GetValue(output)!;
                var converted = DatasetConverter.ConvertAndWrite(SourceFormats.Parse(parse.GetValue(from)!), parse.GetValue(source)!, outDir, options);
                var document = BotsConvertDocument.From(converted.Summary, outDir, clock.Elapsed.TotalSeconds);
                if (parse.GetValue(json)) Terminal.WriteJson(document);
                Print(document);
                return 0;
            }
            catch (BotDataFormatException e)
            {
                return Terminal.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Terminal.Fail(e.Message);
            }
        });
        return cmd;
    }

    private static void Print(BotsConvertDocument d)
    {
        Terminal.Info($"[bold]{Markup.Escape(d.Format)}[/] → {Markup.Escape(d.Output)} in {d.Seconds:F2} s: {d.Users:N0} users " +
            $"({d.Humans:N0} human, {d.Bots:N0} bot, {d.Unlabelled:N0} unlabelled; train {d.Train:N0} / valid {d.Valid:N0} / test {d.Test:N0}), {d.Tweets:N0} tweets");
        foreach (var (relation, count) in d.Edges) Terminal.Info($"  edges {Markup.Escape(relation)}: {count:N0}");
        foreach (var (reason, count) in d.Skipped) Terminal.Info($"  [yellow]skipped {count:N0} {Markup.Escape(reason)}[/]");
        foreach (var p in d.Problems) Terminal.Info($"  [yellow]skipped {p.Count:N0} rows with {Markup.Escape(p.Problem)}[/], e.g. {Markup.Escape(p.Examples.FirstOrDefault()?.Text ?? "")}");
    }
}
