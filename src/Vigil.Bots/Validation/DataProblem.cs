namespace Vigil.Bots.Validation;

/// <summary>What can be wrong in a dataset folder. Each has a <see cref="ProblemAction"/> in a <see cref="ValidationPolicy"/>.</summary>
public enum DataProblem
{
    /// <summary>A JSON file is not valid JSON (truncated, a bad token): the rest of the file cannot be read.</summary>
    MalformedJson,
    /// <summary>Valid JSON of the wrong shape: the file is not an array, or an element is not an object.</summary>
    UnexpectedJsonShape,
    /// <summary>A CSV line with the wrong number of fields, or a wrong header.</summary>
    MalformedCsv,
    /// <summary>A field of the wrong type (a count that is not a number, a date that does not parse).</summary>
    WrongFieldType,
    /// <summary>An id that is not a kind letter and digits, or of the wrong kind for its place.</summary>
    InvalidId,
    /// <summary>An entity, label row or split row whose id was already seen.</summary>
    DuplicateId,
    /// <summary>An id in a CSV file that no entity file defines.</summary>
    UnknownId,
    /// <summary>A relation name in <c>edge.csv</c> that is not one of the known relations.</summary>
    UnknownRelation,
    /// <summary>An edge whose endpoints are not of the kinds its relation joins.</summary>
    WrongEndpointType,
    /// <summary>A label other than <c>human</c> or <c>bot</c>.</summary>
    InvalidLabel,
    /// <summary>A split other than <c>train</c>, <c>valid</c> (<c>val</c>) or <c>test</c>.</summary>
    InvalidSplit,
    /// <summary>A user without a row in <c>label.csv</c> (checked when the file exists).</summary>
    MissingLabel,
    /// <summary>A user without a row in <c>split.csv</c> (checked when the file exists).</summary>
    MissingSplit,
}
