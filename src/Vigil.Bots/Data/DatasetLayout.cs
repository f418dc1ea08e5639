namespace Vigil.Bots.Data;

/// <summary>How a dataset folder lays out its entities.</summary>
public enum DatasetLayout
{
    /// <summary>TwiBot-22: <c>user.json</c>, <c>tweet_0.json</c>…, <c>list.json</c>, <c>hashtag.json</c>.</summary>
    TwiBot22,
    /// <summary>Older sets (TwiBot-20, Cresci-2015 as TwiBot-22 repackaged them): one <c>node.json</c>, users then tweets.</summary>
    NodeJson,
}
