namespace ChatBot.Discord.Gateway;

/// <summary>What to do after a connection ended.</summary>
internal enum GatewayActionKind
{
    /// <summary>Reconnect to the resume URL and RESUME the session.</summary>
    Resume,

    /// <summary>Forget the session, reconnect and IDENTIFY.</summary>
    NewSession,

    /// <summary>Fatal: stop the host.</summary>
    Stop,
}
