using System.Text.Json;

namespace ChatBot.Integration.Tests.Discord.Fake;

/// <summary>A frame the bot sent to the fake gateway, with the connection it came on and that connection's path and query.</summary>
public sealed record GatewayFrameRecord(int Connection, string PathAndQuery, int Op, JsonElement Data);
