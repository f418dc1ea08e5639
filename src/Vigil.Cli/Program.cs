using System.CommandLine;
using Vigil.Cli.Commands;
using Vigil.Core;

// Before any tensor exists: libtorch reads these once (passive OpenMP waiting, huge pages for big tensors).
TorchProcessSettings.ApplyUnlessSet();

var root = new RootCommand(
    "Vigil: trustworthy AI on social platforms — graph learning, bot detection, safety.\n" +
    "Every command that reports results takes --json: stdout then holds one JSON document, progress goes to stderr.");
root.Subcommands.Add(GraphCommand.Create());
root.Subcommands.Add(BotsCommand.Create());
root.Subcommands.Add(SafetyCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(LeaderboardCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(NasCommand.Create());
return root.Parse(args).Invoke();
