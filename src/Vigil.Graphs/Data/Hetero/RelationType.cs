namespace Vigil.Graphs.Data.Hetero;

/// <summary>A typed relation (source node type, relation name, target node type), e.g. (user, follows, user).</summary>
public readonly record struct RelationType(string Source, string Relation, string Target)
{
    public override string ToString() => $"({Source})-[{Relation}]->({Target})";
}
