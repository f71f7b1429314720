using System.Text.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>A dispatch (op 0) handed from the receive loop to the workers. <see cref="ReceivedAt"/> is a <see cref="TimeProvider"/> timestamp.</summary>
internal sealed record GatewayDispatch(string Type, JsonElement Data, long ReceivedAt, int ShardId);
