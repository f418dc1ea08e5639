using System.Text;
using static Vigil.Bots.Generation.TextVocabulary;

namespace Vigil.Bots.Generation;

/// <summary>
/// Composes names, bios and tweet texts. Human texts combine many independent parts (openers, topic nouns, adjectives,
/// reactions, emoji, case), so they rarely repeat; an automated bot cluster owns two templates, two products,
/// two calls to action, three links and three hashtags, so its members post near-duplicates full of links and hashtags.
/// </summary>
internal sealed class SyntheticText(int seed)
{
    private const string LinkAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly StringBuilder _text = new();

    /// <summary>A t.co link with a random slug.</summary>
    public static string Link(ref GeneratorRandom rng)
    {
        Span<char> slug = stackalloc char[10];
        for (int i = 0; i < slug.Length; i++) slug[i] = LinkAlphabet[rng.Next(LinkAlphabet.Length)];
        return "https://t.co/" + new string(slug);
    }

    /// <summary>User u's tweet language: English for most, one of four others for one human in ten.</summary>
    public string LanguageOf(int u, bool automated)
    {
        if (automated) return "en";
        var rng = new GeneratorRandom(seed, GeneratorStream.Language, u);
        double r = rng.NextDouble();
        return r < 0.9 ? "en" : OtherLanguages[Math.Min(OtherLanguages.Length - 1, (int)((r - 0.9) / 0.1 * OtherLanguages.Length))].Lang;
    }

    public string HumanSentence(int topic, string lang, ref GeneratorRandom rng)
    {
        if (lang != "en")
        {
            foreach (var (code, sentences) in OtherLanguages)
                if (code == lang)
                    return rng.Pick(sentences) + (rng.Chance(0.7) ? ", " + rng.Pick(sentences) : "") + (rng.Chance(0.5) ? " " + rng.Pick(Emoji) : "");
        }
        var nouns = Topics[topic].Nouns;
        string noun = rng.Pick(nouns), adjective = rng.Pick(Adjectives);
        var t = _text.Clear();
        switch (rng.Next(7))
        {
            case 0: t.Append(rng.Pick(Openers)).Append(' ').Append(rng.Pick(PastVerbs)).Append(rng.Chance(0.5) ? " the " : " a ").Append(adjective).Append(' ').Append(noun).Append(' ').Append(rng.Pick(TimePhrases)); break;
            case 1: t.Append("the ").Append(noun).Append(' ').Append(rng.Pick(TimePhrases)).Append(" was ").Append(adjective).Append(". ").Append(rng.Pick(Reactions)); break;
            case 2: t.Append("anyone else think the ").Append(noun).Append(" is ").Append(adjective).Append('?'); break;
            case 3: t.Append(rng.Pick(Reactions)).Append(" - ").Append(adjective).Append(' ').Append(noun).Append(' ').Append(rng.Pick(TimePhrases)); break;
            case 4: t.Append(rng.Pick(PastVerbs)).Append(" the ").Append(noun).Append(" and the ").Append(rng.Pick(nouns)).Append(' ').Append(rng.Pick(TimePhrases)).Append(", ").Append(rng.Pick(Reactions)); break;
            case 5: t.Append("can't believe how ").Append(adjective).Append(" this ").Append(noun).Append(" is"); break;
            default: t.Append(rng.Pick(Openers)).Append(" the ").Append(noun).Append(" ").Append(rng.Pick(TimePhrases)).Append(" - ").Append(rng.Pick(Reactions)); break;
        }
        if (rng.Chance(0.5)) t[0] = char.ToUpperInvariant(t[0]);
        if (rng.Chance(0.3)) t.Append(' ').Append(rng.Pick(Emoji));
        return t.ToString();
    }

    /// <summary>An automated bot cluster's post: its own template and product, one of its three links, its tags.</summary>
    public string BotPost(int cluster, IReadOnlyList<string> clusterTags, ref GeneratorRandom rng)
    {
        var style = new GeneratorRandom(seed, GeneratorStream.ClusterStyle, cluster);
        int template1 = style.Next(PromoTemplates.Length), template2 = style.Next(PromoTemplates.Length);
        string product1 = style.Pick(PromoProducts), product2 = style.Pick(PromoProducts);
        string action1 = style.Pick(CallsToAction), action2 = style.Pick(CallsToAction);
        var links = new[] { Link(ref style), Link(ref style), Link(ref style) };
        string template = PromoTemplates[rng.Chance(0.7) ? template1 : template2];
        var tags = _text.Clear();
        int tagCount = 1 + rng.Next(Math.Min(3, clusterTags.Count));
        for (int i = 0; i < tagCount; i++) tags.Append(i > 0 ? " #" : "#").Append(clusterTags[(i + (rng.Chance(0.3) ? 1 : 0)) % clusterTags.Count]);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template,
            rng.Chance(0.8) ? product1 : product2, rng.Chance(0.7) ? action1 : action2, links[rng.Next(links.Length)], tags.ToString());
    }

    public (string Name, string Username) HumanName(int u, ref GeneratorRandom rng)
    {
        string first = rng.Pick(FirstNames), last = rng.Pick(LastNames);
        string name = rng.Next(4) switch
        {
            0 => first,
            1 => $"{first} {last} {rng.Pick(Emoji)}",
            _ => $"{first} {last}",
        };
        string handle = rng.Next(3) switch
        {
            0 => $"{first}{last}",
            1 => $"{first.ToLowerInvariant()}_{last.ToLowerInvariant()}",
            _ => $"{first.ToLowerInvariant()}{rng.Next(10, 100)}",
        };
        return (name, Ascii(handle) + "_" + ToBase36(u));
    }

    public (string Name, string Username) BotName(int u, ref GeneratorRandom rng)
    {
        if (rng.Chance(0.5))
        {
            string first = rng.Pick(FirstNames);
            return (first, $"{first.ToLowerInvariant()}{rng.Next(10_000_000, 99_999_999)}{ToBase36(u)}");
        }
        string a = rng.Pick(BotNameWords), b = rng.Pick(BotNameWords);
        return ($"{a} {b} 24/7", $"{a}{b}{rng.Next(100_000, 999_999)}{ToBase36(u)}");
    }

    public string HumanBio(int topic, ref GeneratorRandom rng)
    {
        var t = _text.Clear();
        t.Append(rng.Pick(BioRoles));
        if (rng.Chance(0.7)) t.Append(rng.Chance(0.5) ? " | " : ". ").Append(Topics[topic].Name).Append(rng.Chance(0.5) ? " fan" : " and " + rng.Pick(Topics[rng.Next(Topics.Length)].Nouns) + "s");
        if (rng.Chance(0.5)) t.Append(" · ").Append(rng.Pick(BioTails));
        if (rng.Chance(0.1)) t.Append(" #").Append(Topics[topic].Name);
        return t.ToString();
    }

    public string BotBio(int topicWordSeed, string link, string tags, ref GeneratorRandom rng)
    {
        string template = rng.Pick(BotBios);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, PromoTags[topicWordSeed % PromoTags.Length], link, tags);
    }

    public static int Count(string text, char marker)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == marker && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]))) count++;
        return count;
    }

    public static int CountLinks(string text)
    {
        int count = 0;
        for (int at = text.IndexOf("https://", StringComparison.Ordinal); at >= 0; at = text.IndexOf("https://", at + 8, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Ascii(string handle)
    {
        var chars = handle.Where(c => c < 128).ToArray();
        return new string(chars);
    }

    private static string ToBase36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[8];
        int at = buffer.Length;
        do { buffer[--at] = digits[value % 36]; value /= 36; } while (value > 0);
        return new string(buffer[at..]);
    }
}
