using System.Text.Json;

namespace ChatBot.Testing.Discord;

/// <summary>A frame the bot sent to the fake gateway, with the connection it came on, that connection's path and query, and when it arrived (Stopwatch timestamp).</summary>
public sealed record GatewayFrameRecord(int Connection, string PathAndQuery, int Op, JsonElement Data, long At = 0);
