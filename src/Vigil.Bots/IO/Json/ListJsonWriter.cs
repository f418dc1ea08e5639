using System.Text.Json;
using Vigil.Bots.Data;
using static Vigil.Bots.IO.Json.JsonArrayFileWriter;

namespace Vigil.Bots.IO.Json;

/// <summary>One list row as a TwiBot-22 <c>list.json</c> object, and one hashtag row as a <c>hashtag.json</c> object.</summary>
internal static class ListJsonWriter
{
    public static void WriteList(Utf8JsonWriter w, ListTable lists, int row)
    {
        w.WriteStartObject();
        WriteTime(w, "created_at"u8, lists.CreatedAt[row]);
        WriteText(w, "description"u8, lists.Description, row);
        if (lists.FollowerCount[row] == ListTable.MissingCount) w.WriteNull("follower_count"u8);
        else w.WriteNumber("follower_count"u8, lists.FollowerCount[row]);
        WriteId(w, "id"u8, EntityKind.List, lists.Ids[row]);
        if (lists.MemberCount[row] == ListTable.MissingCount) w.WriteNull("member_count"u8);
        else w.WriteNumber("member_count"u8, lists.MemberCount[row]);
        WriteText(w, "name"u8, lists.Name, row);
        w.WriteBoolean("private"u8, lists.Private[row]);
        w.WriteEndObject();
    }

    public static void WriteHashtag(Utf8JsonWriter w, HashtagTable hashtags, int row)
    {
        w.WriteStartObject();
        WriteId(w, "id"u8, EntityKind.Hashtag, hashtags.Ids[row]);
        WriteText(w, "tag_name"u8, hashtags.TagName, row);
        w.WriteEndObject();
    }
}
