namespace Vigil.Graphs.Nn.Connections;

/// <summary>How jumping knowledge combines the layers' representations (Xu et al. 2018).</summary>
public enum JumpingKnowledgeMode
{
    /// <summary>Concatenate all layers' features.</summary>
    Cat,
    /// <summary>Element-wise max over layers.</summary>
    Max,
}
