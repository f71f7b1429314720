namespace ChatBot.Slack.SocketMode;

/// <summary>Why a socket stopped being the one to rely on.</summary>
public enum SocketEnd
{
    /// <summary><c>warning</c>/<c>refresh_requested</c>: open a replacement first, then drop this one.</summary>
    Refresh,

    /// <summary>The socket closed or failed: reconnect with backoff.</summary>
    Dropped,

    /// <summary><c>link_disabled</c>: Socket Mode was switched off; stop.</summary>
    LinkDisabled,

    /// <summary><c>too_many_websockets</c>: close this one and back off.</summary>
    TooMany,
}
