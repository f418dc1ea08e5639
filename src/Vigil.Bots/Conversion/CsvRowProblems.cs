using Vigil.Bots.Conversion.Csv;
using Vigil.Bots.Validation;

namespace Vigil.Bots.Conversion;

/// <summary>
/// Reports a bad CSV record through the policy: an error throws <see cref="BotDataFormatException"/> naming the file
/// and line; a skip is counted in the report. Each method returns false when the record is to be skipped.
/// </summary>
internal sealed class CsvRowProblems
{
    private readonly ProblemSink _sink;

    public CsvRowProblems(ValidationPolicy policy, ValidationReport report) => _sink = new ProblemSink(policy, stopAtFirstError: true, report);

    public bool Report(QuotedCsvReader csv, DataProblem problem, string message)
    {
        _sink.Add(problem, DataPosition.AtLine(csv.File, csv.RecordLine), message);
        return false;
    }

    public bool CheckFieldCount(QuotedCsvReader csv, List<string> fields) =>
        fields.Count == csv.Header.Count
        || Report(csv, DataProblem.MalformedCsv, $"the record has {fields.Count} fields, the header {csv.Header.Count}");

    public bool Id(QuotedCsvReader csv, List<string> fields, int column, out long id) =>
        ProfileValues.TryParseId(fields[column], out id)
        || Report(csv, DataProblem.InvalidId, $"{csv.Header[column]} '{fields[column]}' is not a numeric Twitter id");

    public bool Count(QuotedCsvReader csv, List<string> fields, int column, out int? value)
    {
        value = null;
        if (column < 0) return true;
        return ProfileValues.TryParseCount(fields[column], out value)
            || Report(csv, DataProblem.WrongFieldType, $"{csv.Header[column]} '{fields[column]}' is not a non-negative count");
    }

    public bool Flag(QuotedCsvReader csv, List<string> fields, int column, out bool value)
    {
        value = false;
        if (column < 0) return true;
        return ProfileValues.TryParseFlag(fields[column], out value)
            || Report(csv, DataProblem.WrongFieldType, $"{csv.Header[column]} '{fields[column]}' is not a flag (1, 1.0, True, 0, False or empty)");
    }

    public bool Time(QuotedCsvReader csv, List<string> fields, int column, out DateTimeOffset? value)
    {
        value = null;
        if (column < 0) return true;
        return ProfileValues.TryParseTime(fields[column], out value)
            || Report(csv, DataProblem.WrongFieldType, $"{csv.Header[column]} '{fields[column]}' is not a timestamp");
    }
}
