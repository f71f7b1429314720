namespace ChatBot.Discord.Gateway;

/// <summary>A decision after a disconnect; <see cref="Immediate"/> skips the backoff (op 7, op 9).</summary>
internal sealed record GatewayAction(GatewayActionKind Kind, string Reason, bool Immediate = false);
