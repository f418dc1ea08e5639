namespace Vigil.Bots.Generation;

/// <summary>
/// The words and phrases synthetic profiles and tweets are composed from: everyday topics for humans (each community
/// talks about one), promotional and follow-train phrases for bots, names, places, clients. Humans combine many parts
/// freely; bots fill a few fixed templates with a few fixed words, which is what makes their texts near-duplicates.
/// </summary>
internal static class TextVocabulary
{
    /// <summary>Topics of human communities: a topic name (also a hashtag stem) and its nouns.</summary>
    public static readonly (string Name, string[] Nouns)[] Topics =
    {
        ("football", new[] { "match", "goal", "keeper", "derby", "transfer", "league", "striker", "penalty", "season", "coach", "stadium", "fans" }),
        ("music", new[] { "album", "song", "gig", "chorus", "playlist", "band", "guitar", "vinyl", "tour", "lyrics", "drummer", "single" }),
        ("cooking", new[] { "recipe", "soup", "bread", "oven", "sauce", "dinner", "garlic", "pasta", "curry", "dough", "kitchen", "spices" }),
        ("tech", new[] { "laptop", "update", "bug", "release", "keyboard", "server", "app", "compiler", "phone", "battery", "framework", "code" }),
        ("politics", new[] { "vote", "debate", "senate", "policy", "election", "budget", "mayor", "bill", "council", "campaign", "poll", "minister" }),
        ("science", new[] { "paper", "experiment", "telescope", "dataset", "lab", "result", "theory", "sample", "model", "journal", "grant", "review" }),
        ("gaming", new[] { "level", "boss", "console", "patch", "speedrun", "controller", "quest", "stream", "raid", "map", "lobby", "character" }),
        ("travel", new[] { "flight", "train", "hostel", "beach", "museum", "passport", "hike", "island", "market", "view", "airport", "trip" }),
        ("books", new[] { "novel", "chapter", "author", "library", "poem", "sequel", "bookshop", "plot", "story", "essay", "page", "reader" }),
        ("fitness", new[] { "run", "workout", "gym", "marathon", "stretch", "ride", "swim", "squat", "trail", "coach", "pace", "recovery" }),
        ("film", new[] { "movie", "trailer", "director", "scene", "cinema", "actor", "series", "episode", "script", "premiere", "cast", "soundtrack" }),
        ("weather", new[] { "rain", "storm", "sunset", "snow", "forecast", "wind", "heatwave", "fog", "sky", "clouds", "frost", "thunder" }),
    };

    public static readonly string[] Adjectives =
    {
        "great", "weird", "lovely", "terrible", "brilliant", "quiet", "long", "strange", "beautiful", "boring", "new", "old",
        "huge", "tiny", "perfect", "messy", "honest", "wild", "calm", "underrated", "overrated", "late", "early", "cold",
    };

    public static readonly string[] PastVerbs =
    {
        "watched", "finished", "found", "missed", "tried", "started", "loved", "fixed", "read", "saw", "heard", "made", "lost", "won", "booked", "skipped",
    };

    public static readonly string[] TimePhrases =
    {
        "today", "this morning", "last night", "again", "after work", "this weekend", "at last", "for the first time", "yesterday", "on the way home",
    };

    public static readonly string[] Openers =
    {
        "honestly", "ok so", "not gonna lie", "well", "lol", "hmm", "so", "wow", "ugh", "finally", "today", "quick thought:",
    };

    public static readonly string[] Reactions =
    {
        "what a day", "can't stop thinking about it", "worth it", "no regrets", "still laughing", "send help", "10/10", "never again",
        "who else", "so proud", "need coffee", "thoughts?", "anyway", "big mood", "love this", "not sure how I feel",
    };

    public static readonly string[] Emoji = { "😂", "❤️", "🙏", "😅", "🔥", "👏", "😭", "🤔", "☕", "🌧️", "⚽", "🎶" };

    /// <summary>Short sentences in the other languages humans sometimes post in, with their <c>lang</c> code.</summary>
    public static readonly (string Lang, string[] Sentences)[] OtherLanguages =
    {
        ("es", new[] { "qué día tan largo", "me encanta esta canción", "mañana vamos a la playa", "no puedo más con el calor", "gracias a todos por venir", "buenos días a todos" }),
        ("pt", new[] { "que dia incrível", "vamos ao jogo amanhã", "estou com saudade", "bom dia pessoal", "adorei o filme de ontem", "que calor hoje" }),
        ("ja", new[] { "今日はいい天気ですね", "新しい本を買いました", "明日から旅行です", "おはようございます", "このゲーム楽しい", "ラーメン食べたい" }),
        ("fr", new[] { "quelle belle journée", "on se voit demain", "j'adore ce film", "bonne soirée à tous", "il pleut encore", "enfin le week-end" }),
    };

    /// <summary>Bot promotion templates: {0} product, {1} call to action, {2} link, {3} tags.</summary>
    public static readonly string[] PromoTemplates =
    {
        "🚀 {0} is LIVE! {1} {2} {3}",
        "Don't miss out on {0} 💰 {1} 👉 {2} {3}",
        "{1} {0} now ✅ {2} {3}",
        "🔥 HUGE {0} giveaway 🔥 {1} {2} {3}",
        "New {0} signal 📈 {1} {2} {3}",
        "{0} 50% OFF today only ⏰ {1} {2} {3}",
        "Earn daily with {0} 💸 {1} {2} {3}",
        "BREAKING: {0} update ➡️ {2} {3}",
    };

    public static readonly string[] PromoProducts =
    {
        "CryptoMoon", "the airdrop", "SafeYield", "our NFT drop", "FX signals", "the presale", "SmartBet tips", "MegaCoin", "VIP picks", "the bonus code",
    };

    public static readonly string[] CallsToAction =
    {
        "Join now", "Click the link", "RT and follow to win", "DM us", "Sign up free", "Limited spots", "Retweet to enter",
    };

    public static readonly string[] PromoTags =
    {
        "crypto", "giveaway", "NFT", "airdrop", "bitcoin", "forex", "followback", "win", "bonus", "passiveincome", "trading", "teamfollowback",
    };

    /// <summary>Follow-train and news-feed templates ({0} a list of @mentions or a headline word, {1} tags).</summary>
    public static readonly string[] FeedTemplates =
    {
        "Follow {0} for more! #followback {1}",
        "Daily update: {0} ➡️ {1}",
        "Trending now: {0} {1}",
        "Good morning! {0} {1}",
    };

    public static readonly string[] BioRoles =
    {
        "teacher", "nurse", "student", "dad of two", "mum", "software engineer", "designer", "writer", "researcher", "chef", "photographer",
        "retired", "barista", "PhD candidate", "journalist", "lawyer", "artist", "runner", "librarian", "mechanic",
    };

    public static readonly string[] BioTails =
    {
        "views my own", "she/her", "he/him", "they/them", "coffee first", "opinions are mine", "probably outside", "trying my best",
        "always learning", "living the dream", "sometimes funny", "🌻", "✨", "🌍",
    };

    public static readonly string[] BotBios =
    {
        "Daily {0} tips 📈 DM for promo ➡️ {1} {2}",
        "Follow back 100% | {2}",
        "Best {0} deals every day 💰 {1}",
        "Automated {0} news feed 🤖 {1} {2}",
        "Official {0} alerts. Turn on notifications 🔔 {2}",
        "",
    };

    public static readonly string[] FirstNames =
    {
        "Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jack", "Kira", "Liam", "Maya", "Noah", "Olivia", "Pablo",
        "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Xin", "Yara", "Zoe", "Aiko", "Bruno", "Chloe", "Diego", "Elif", "Farah",
        "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Marco", "Nina", "Omar", "Priya", "Raul", "Sofia", "Theo", "Uma", "Victor", "Wen",
    };

    public static readonly string[] LastNames =
    {
        "Smith", "Garcia", "Müller", "Rossi", "Tanaka", "Kim", "Okafor", "Silva", "Novak", "Dubois", "Jensen", "Costa", "Nguyen", "Ahmed",
        "Brown", "Lopez", "Kowalski", "Ivanova", "Sato", "Murphy", "Larsen", "Haddad", "Moreau", "Walsh", "Berg", "Chen", "Patel", "Santos",
    };

    public static readonly string[] Places =
    {
        "London", "New York, NY", "Paris, France", "Tokyo", "Berlin", "São Paulo", "Madrid", "Toronto", "Sydney", "Lagos", "Mumbai", "Seoul",
        "Dublin", "Chicago, IL", "Mexico City", "Amsterdam", "Cape Town", "Manchester", "Lisbon", "Austin, TX", "somewhere", "the internet",
    };

    public static readonly string[] BotNameWords =
    {
        "Crypto", "Deals", "News", "Alerts", "Signals", "Promo", "Daily", "Bot", "Feed", "Trends", "Bonus", "Gains",
    };

    public static readonly string[] HumanClients = { "Twitter for iPhone", "Twitter for Android", "Twitter Web App", "Twitter for iPad" };
    public static readonly double[] HumanClientShares = { 0.45, 0.35, 0.17, 0.03 };

    public static readonly string[] BotClients = { "twittbot.net", "IFTTT", "dlvr.it", "Buffer", "Hootsuite Inc.", "TweetDeck", "Twitter Web App" };

    public static readonly string[] ListNames =
    {
        "{0} people", "{0}", "Best of {0}", "{0} friends", "my {0} list", "{0} news",
    };

    public const string DefaultProfileImage = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";
}
