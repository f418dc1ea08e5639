using System.Globalization;

namespace Vigil.Safety.Demo;

/// <summary>
/// Generates small arithmetic word problems (+, −, × over small numbers, one or two steps, varied templates, names and
/// objects) with step-by-step reasoning and a boxed answer, deterministically from a seed. Every distinct prompt
/// belongs to exactly one split, decided by a stable hash of its text (one in <see cref="HeldOutShare"/>⁻¹ is
/// held out), so training and held-out problems never share a prompt whatever the seeds.
/// </summary>
public sealed class ArithmeticProblemGenerator
{
    public const int HeldOutShare = 8;

    private static readonly string[] Names = { "Mia", "Leo", "Ava", "Noah", "Zoe", "Omar", "Lena", "Ravi", "Ella", "Sam", "Yuki", "Ben", "Nora", "Ivan", "Aisha", "Tom" };
    private static readonly string[] Objects = { "pens", "apples", "marbles", "stickers", "books", "shells", "cards", "coins", "stamps", "cookies", "pencils", "balloons", "beads", "toy cars" };
    private static readonly string[] Gains = { "buys {0} more", "finds {0} more", "gets {0} more from a friend", "is given {0} more" };
    private static readonly string[] Losses = { "gives {0} to {1}", "loses {0}", "sells {0}", "shares {0} with {1}" };

    private readonly Random _random;

    public ArithmeticProblemGenerator(int seed) => _random = new Random(seed);

    /// <summary><paramref name="count"/> distinct problems of the split, in generation order.</summary>
    public IReadOnlyList<ArithmeticProblem> Generate(int count, bool heldOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ArithmeticProblem>(count);
        for (int attempts = 0; problems.Count < count; attempts++)
        {
            if (attempts > 200 * (count + 10)) throw new InvalidOperationException($"Could not find {count} distinct {(heldOut ? "held-out" : "training")} problems.");
            var problem = Next();
            if (IsHeldOut(problem.Prompt) == heldOut && seen.Add(problem.Prompt)) problems.Add(problem);
        }
        return problems;
    }

    /// <summary>Whether a prompt belongs to the held-out split (stable across runs and platforms: FNV-1a of its UTF-16).</summary>
    public static bool IsHeldOut(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        uint hash = 2166136261;
        foreach (char c in prompt) { hash ^= c; hash *= 16777619; }
        return hash % HeldOutShare == 0;
    }

    /// <summary>One problem, not yet assigned to a split.</summary>
    public ArithmeticProblem Next()
    {
        string name = Pick(Names), friend = Pick(Names.Where(n => n != name).ToArray()), thing = Pick(Objects);
        switch (_random.Next(6))
        {
            case 0:
            {
                int a = _random.Next(2, 21), b = _random.Next(1, 11);
                return Make($"{name} has {a} {thing} and {Fill(Gains, b, friend)}. How many {thing} does {name} have now?",
                    new[] { Step(a, '+', b) }, a + b, $"{name} has {{0}} {thing}.");
            }
            case 1:
            {
                int a = _random.Next(3, 21), b = _random.Next(1, a);
                return Make($"{name} has {a} {thing} and {Fill(Losses, b, friend)}. How many {thing} does {name} have left?",
                    new[] { Step(a, '-', b) }, a - b, $"{name} has {{0}} {thing} left.");
            }
            case 2:
            {
                int a = _random.Next(2, 10), b = _random.Next(2, 10);
                return Make($"{name} buys {a} bags of {thing}. Each bag holds {b} {thing}. How many {thing} does {name} buy?",
                    new[] { Step(a, '×', b) }, a * b, $"{name} buys {{0}} {thing}.");
            }
            case 3:
            {
                int a = _random.Next(5, 21), b = _random.Next(1, 11), c = _random.Next(1, a + b);
                return Make($"{name} has {a} {thing}, {Fill(Gains, b, friend)}, and then {Fill(Losses, c, friend)}. How many {thing} does {name} have now?",
                    new[] { Step(a, '+', b), Step(a + b, '-', c) }, a + b - c, $"{name} has {{0}} {thing}.");
            }
            case 4:
            {
                int a = _random.Next(2, 10), b = _random.Next(2, 10), c = _random.Next(1, 11);
                return Make($"{name} has {a} boxes with {b} {thing} in each and {Fill(Gains, c, friend)}. How many {thing} does {name} have?",
                    new[] { Step(a, '×', b), Step(a * b, '+', c) }, a * b + c, $"{name} has {{0}} {thing}.");
            }
            default:
            {
                int a = _random.Next(2, 10), b = _random.Next(2, 10), c = _random.Next(1, a * b);
                return Make($"{name} packs {a} rows of {b} {thing} and then {Fill(Losses, c, friend)}. How many {thing} are left?",
                    new[] { Step(a, '×', b), Step(a * b, '-', c) }, a * b - c, $"There are {{0}} {thing} left.");
            }
        }
    }

    private static ArithmeticProblem Make(string prompt, string[] steps, int answer, string answerSentence) =>
        new(prompt, $"<think>{string.Join(" ", steps)}</think>{string.Format(CultureInfo.InvariantCulture, answerSentence, $"\\boxed{{{answer}}}")}", answer);

    private static string Step(int a, char op, int b)
    {
        int result = op switch { '+' => a + b, '-' => a - b, '×' => a * b, _ => throw new ArgumentOutOfRangeException(nameof(op)) };
        return string.Create(CultureInfo.InvariantCulture, $"{a} {op} {b} = {result}.");
    }

    private string Fill(string[] templates, int amount, string friend) => string.Format(CultureInfo.InvariantCulture, Pick(templates), amount, friend);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
