namespace ChatBot.Discord.Rest;

/// <summary>A Discord API error response, with Discord's JSON error code when it sent one. Never holds a token.</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int status, int? code, string message)
        : base($"Discord API returned {status}{(code is null ? "" : $" (code {code})")}: {message}")
    {
        Status = status;
        Code = code;
    }

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; }

    public int? Code { get; }
}
