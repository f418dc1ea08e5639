using System.Text.RegularExpressions;
using Vigil.Bots.Benchmark;

namespace Vigil.Bots.Baselines.Features.Inputs;

/// <summary>
/// Profile descriptions as fixed-length rows of word ids for a sequence model: lower-cased word tokens, a vocabulary
/// of the words seen at least <c>minimumCount</c> times in the training users' descriptions (id 0 pads, id 1 is an
/// unknown word), truncated or padded to <see cref="Length"/>.
/// </summary>
public sealed partial class DescriptionTokens
{
    private readonly Dictionary<string, int> _ids;

    private DescriptionTokens(Dictionary<string, int> ids, int length)
    {
        _ids = ids;
        Length = length;
    }

    public const int Padding = 0;
    public const int Unknown = 1;

    public int Length { get; }
    public int VocabularySize => _ids.Count + 2;

    public static DescriptionTokens Learn(BotDetectionTask task, int[] trainUsers, int length, int minimumCount = 2, int maximumWords = 20000)
    {
        var counts = new Dictionary<string, int>();
        foreach (int u in trainUsers)
            foreach (var word in Words(task.Dataset.Users.Description.GetString(u)))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        var ids = counts.Where(p => p.Value >= minimumCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maximumWords)
            .Select((p, i) => (p.Key, Id: i + 2))
            .ToDictionary(p => p.Key, p => p.Id);
        return new DescriptionTokens(ids, length);
    }

    /// <summary>Row-major [users, <see cref="Length"/>] word ids.</summary>
    public long[] Encode(BotDetectionTask task, int[] users)
    {
        var tokens = new long[users.Length * Length];
        for (int i = 0; i < users.Length; i++)
        {
            int k = 0;
            foreach (var word in Words(task.Dataset.Users.Description.GetString(users[i])))
            {
                if (k == Length) break;
                tokens[i * Length + k++] = _ids.TryGetValue(word, out int id) ? id : Unknown;
            }
        }
        return tokens;
    }

    private static IEnumerable<string> Words(string? text) =>
        text is null ? [] : WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"[#@]?\w+")]
    private static partial Regex WordPattern();
}
