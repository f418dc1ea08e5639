namespace Vigil.Bots.Data;

/// <summary>The four kinds of entity in a TwiBot dataset; each has its own id prefix and node type.</summary>
public enum EntityKind : byte
{
    User,
    Tweet,
    List,
    Hashtag,
}

public static class EntityKinds
{
    public static readonly IReadOnlyList<EntityKind> All = new[] { EntityKind.User, EntityKind.Tweet, EntityKind.List, EntityKind.Hashtag };

    /// <summary>The letter TwiBot puts before the digits of an id: u, t, l, h.</summary>
    public static byte Prefix(this EntityKind kind) => kind switch
    {
        EntityKind.User => (byte)'u',
        EntityKind.Tweet => (byte)'t',
        EntityKind.List => (byte)'l',
        EntityKind.Hashtag => (byte)'h',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entity kind."),
    };

    /// <summary>The node type name in the <see cref="Vigil.Graphs.Data.Hetero.HeteroGraph"/> view.</summary>
    public static string NodeType(this EntityKind kind) => kind switch
    {
        EntityKind.User => "user",
        EntityKind.Tweet => "tweet",
        EntityKind.List => "list",
        EntityKind.Hashtag => "hashtag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entity kind."),
    };

    public static bool TryFromPrefix(byte prefix, out EntityKind kind)
    {
        switch (prefix)
        {
            case (byte)'u': kind = EntityKind.User; return true;
            case (byte)'t': kind = EntityKind.Tweet; return true;
            case (byte)'l': kind = EntityKind.List; return true;
            case (byte)'h': kind = EntityKind.Hashtag; return true;
            default: kind = default; return false;
        }
    }
}
