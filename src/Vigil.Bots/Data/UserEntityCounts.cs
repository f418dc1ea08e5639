namespace Vigil.Bots.Data;

/// <summary>
/// A user's <c>entities</c>, summarised as counts: links in the profile URL field (<c>entities.url.urls</c>) and the
/// links, hashtags, mentions and cashtags Twitter found in the description (<c>entities.description.*</c>).
/// </summary>
public readonly record struct UserEntityCounts(int UrlUrls, int DescriptionUrls, int DescriptionHashtags, int DescriptionMentions, int DescriptionCashtags)
{
    public bool IsEmpty => UrlUrls == 0 && DescriptionUrls == 0 && DescriptionHashtags == 0 && DescriptionMentions == 0 && DescriptionCashtags == 0;
}
