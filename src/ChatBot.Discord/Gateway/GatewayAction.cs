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

/// <summary>A decision after a disconnect; <see cref="Immediate"/> skips the backoff (op 7, op 9).</summary>
internal sealed record GatewayAction(GatewayActionKind Kind, string Reason, bool Immediate = false);
