namespace ChatBot.Core.Coordination;

/// <summary>Configuration section "Coordination": how several instances of the bot share work. Checked at start.</summary>
public sealed class CoordinationOptions
{
    public const string Section = "Coordination";

    public CoordinationMode Mode { get; set; } = CoordinationMode.SingleInstance;

    /// <summary>PostgreSQL connection string; empty means the question log's, when that is PostgreSQL.</summary>
    public string ConnectionString { get; set; } = "";
}
