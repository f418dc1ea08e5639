namespace Vigil.Safety.Serving;

/// <summary>A request the server answers with an OpenAI-style error: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed class ChatApiException : Exception
{
    public ChatApiException(int status, string message, string? param = null, string? code = null, string type = "invalid_request_error")
        : base(message)
    {
        Status = status;
        Param = param;
        Code = code;
        Type = type;
    }

    public int Status { get; }
    public string? Param { get; }
    public string? Code { get; }
    public string Type { get; }

    public static ChatApiException Invalid(string message, string? param, string? code = null) => new(400, message, param, code);
}
