namespace ChatBot.Discord.Gateway;

/// <summary>Connection properties of IDENTIFY.</summary>
internal sealed record IdentifyProperties(string Os, string Browser, string Device);
