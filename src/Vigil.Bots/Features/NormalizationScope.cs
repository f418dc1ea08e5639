namespace Vigil.Bots.Features;

/// <summary>Which users the z-score means and standard deviations of the numeric features are taken over. Neither uses labels.</summary>
public enum NormalizationScope
{
    /// <summary>All users, as BotRGCN's preprocessing does (transductive: the graph baselines see every user's profile anyway).</summary>
    AllUsers,
    /// <summary>Only the users of the train split (strictly inductive; users without a split are then scored with the training statistics).</summary>
    TrainingUsers,
}
