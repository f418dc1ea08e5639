namespace Vigil.Bots.Data;

/// <summary>
/// The relations of <c>edge.csv</c>: TwiBot-22's 14 (Feng et al. 2022, Table 2) and the older sets' <c>follow</c> and
/// <c>friend</c> (whose <c>post</c> is TwiBot-22's). <see cref="BotRelations"/> gives each one's name and endpoint kinds.
/// </summary>
public enum BotRelation : byte
{
    Followers,
    Following,
    Post,
    Pinned,
    Like,
    Mentioned,
    Retweeted,
    Quoted,
    RepliedTo,
    Own,
    Membership,
    Followed,
    Contain,
    Discuss,
    Follow,
    Friend,
}
