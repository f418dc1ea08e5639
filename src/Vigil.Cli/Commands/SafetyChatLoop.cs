using Vigil.Safety.Inference.Interactive;

namespace Vigil.Cli.Commands;

/// <summary>
/// The interactive loop of <c>vigil safety chat</c>, line by line so a script can drive it through stdin: each proposed
/// step is shown, then one command line: empty accepts, <c>e</c> edits (the next line is the corrected text),
/// <c>r N</c> replaces step N (1-based; the next line is its new text, later steps are dropped), <c>i</c> inserts a
/// step of one's own (next line), <c>a</c> asks for the answer now, <c>q</c> (or end of input) quits.
/// </summary>
public sealed class SafetyChatLoop(InteractiveSession session, TextReader input, TextWriter display, int maxSteps)
{
    public const string Help = "[Enter] accept · e edit · r N replace step N · i insert a step · a answer now · q quit";

    /// <summary>Runs until the trace has an answer (true) or the person quits (false).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellation = default)
    {
        display.WriteLine(Help);
        while (!session.IsFinished)
        {
            var proposal = session.Trace.Steps.Count >= maxSteps
                ? await session.ProposeAnswerAsync(cancellation)
                : (await session.ProposeAsync(1, cancellation))[0];
            if (proposal.Step.Length > 0) display.WriteLine($"step {session.Trace.Steps.Count + 1}: {proposal.Step}");
            if (proposal.Answer is { } answer) display.WriteLine($"answer: {answer.Trim()}");
            display.Write("> ");
            var command = input.ReadLine();
            display.WriteLine();
            if (command is null) return false;
            command = command.Trim();
            if (command.Length == 0) { session.Accept(proposal); continue; }
            switch (command[0])
            {
                case 'q': return false;
                case 'e':
                    if (ReadText("corrected text") is not { } edited) return false;
                    session.AcceptEdited(proposal, edited);
                    break;
                case 'i':
                    if (ReadText("your step") is not { } own) return false;
                    session.Insert(own);
                    break;
                case 'a':
                    var final = await session.ProposeAnswerAsync(cancellation);
                    display.WriteLine($"answer: {final.Answer!.Trim()}");
                    session.Accept(final);
                    break;
                case 'r':
                    if (!int.TryParse(command[1..].Trim(), out int n) || n < 1 || n > session.Trace.Steps.Count)
                    {
                        display.WriteLine($"r needs a step number between 1 and {session.Trace.Steps.Count}; the proposal is discarded.");
                        break;
                    }
                    if (ReadText($"new text for step {n}") is not { } replacement) return false;
                    session.Replace(n - 1, replacement);
                    break;
                default:
                    display.WriteLine($"unknown command '{command}'. {Help}");
                    break;
            }
        }
        return true;
    }

    private string? ReadText(string what)
    {
        display.Write($"{what}: ");
        var line = input.ReadLine();
        display.WriteLine();
        return line;
    }
}
