using System.CommandLine;
using Vigil.Cli.Commands;

var root = new RootCommand(
    "Vigil: trustworthy AI on social platforms — graph learning, bot detection, safety.\n" +
    "Every command that reports results takes --json: stdout then holds one JSON document, progress goes to stderr.");
root.Subcommands.Add(GraphCommand.Create());
return root.Parse(args).Invoke();
