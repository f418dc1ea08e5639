using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Vigil.Cli.Output;

/// <summary>
/// Where a command writes: human-readable progress and tables always go to stderr, so that with --json stdout
/// holds exactly one JSON document. Spectre degrades to plain lines when stderr is redirected.
/// </summary>
public static class Terminal
{
    public static IAnsiConsole Human { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void WriteJson<T>(T document) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(document, JsonOptions));

    public static void Info(string markup) => Human.MarkupLine(markup);

    /// <summary>Prints a one-line error naming the problem and returns the exit code for bad input.</summary>
    public static int Fail(string message)
    {
        Human.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 2;
    }
}
