using System.Text;

namespace Vigil.Bots.Data;

/// <summary>Names and endpoint kinds of <see cref="BotRelation"/>, in the paper's direction (source → target).</summary>
public static class BotRelations
{
    private readonly record struct Info(string Name, EntityKind Source, EntityKind Target, bool FileReversesPaper);

    private static readonly Info[] Infos =
    {
        new("followers", EntityKind.User, EntityKind.User, false),
        new("following", EntityKind.User, EntityKind.User, false),
        new("post", EntityKind.User, EntityKind.Tweet, false),
        new("pinned", EntityKind.User, EntityKind.Tweet, false),
        new("like", EntityKind.User, EntityKind.Tweet, false),
        new("mentioned", EntityKind.Tweet, EntityKind.User, false),
        new("retweeted", EntityKind.Tweet, EntityKind.Tweet, false),
        new("quoted", EntityKind.Tweet, EntityKind.Tweet, false),
        new("replied_to", EntityKind.Tweet, EntityKind.Tweet, false),
        new("own", EntityKind.User, EntityKind.List, false),
        // The released edge.csv stores these two list → user although the paper defines them user → list.
        new("membership", EntityKind.User, EntityKind.List, true),
        new("followed", EntityKind.User, EntityKind.List, true),
        new("contain", EntityKind.List, EntityKind.Tweet, false),
        new("discuss", EntityKind.Tweet, EntityKind.Hashtag, false),
        new("follow", EntityKind.User, EntityKind.User, false),
        new("friend", EntityKind.User, EntityKind.User, false),
    };

    private static readonly byte[][] Utf8Names = Infos.Select(i => Encoding.UTF8.GetBytes(i.Name)).ToArray();

    /// <summary>Every relation, TwiBot-22's 14 first.</summary>
    public static readonly IReadOnlyList<BotRelation> All = Enum.GetValues<BotRelation>();

    /// <summary>TwiBot-22's 14 relations.</summary>
    public static readonly IReadOnlyList<BotRelation> TwiBot22 = All.Where(r => r is not (BotRelation.Follow or BotRelation.Friend)).ToArray();

    /// <summary>The user → user relations that record who follows whom.</summary>
    public static readonly IReadOnlyList<BotRelation> UserFollow = new[] { BotRelation.Followers, BotRelation.Following, BotRelation.Follow, BotRelation.Friend };

    /// <summary>The name in <c>edge.csv</c> and in the heterogeneous graph.</summary>
    public static string Name(this BotRelation relation) => Infos[(int)relation].Name;

    public static ReadOnlySpan<byte> Utf8Name(this BotRelation relation) => Utf8Names[(int)relation];

    public static EntityKind SourceKind(this BotRelation relation) => Infos[(int)relation].Source;

    public static EntityKind TargetKind(this BotRelation relation) => Infos[(int)relation].Target;

    /// <summary>True for <c>membership</c> and <c>followed</c>, which TwiBot-22's files store target → source.</summary>
    public static bool FileReversesPaper(this BotRelation relation) => Infos[(int)relation].FileReversesPaper;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out BotRelation relation)
    {
        for (int i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i])) { relation = (BotRelation)i; return true; }
        }
        relation = default;
        return false;
    }

    public static bool TryParse(string name, out BotRelation relation) => TryParse(Encoding.UTF8.GetBytes(name), out relation);
}
