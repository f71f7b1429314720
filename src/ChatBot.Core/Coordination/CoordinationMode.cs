namespace ChatBot.Core.Coordination;

public enum CoordinationMode
{
    /// <summary>One process per Discord application and Slack app: nothing is shared.</summary>
    SingleInstance,

    /// <summary>Several processes share claims and locks through one PostgreSQL server.</summary>
    Postgres,
}
