namespace ChatBot.Discord.Gateway;

/// <summary>Maps a gateway close code to resume / new session / stop (protocol brief §2.7).</summary>
internal static class CloseCodes
{
    public static GatewayAction Classify(int? code) => code switch
    {
        null or 1006 => new(GatewayActionKind.Resume, "connection dropped"),
        // 1001 is Discord's edge going away (its deploys): the session lives on; a new one would spend a daily
        // session start and lose the events of the gap.
        1001 => new(GatewayActionKind.Resume, "server going away (1001)"),
        1000 => new(GatewayActionKind.NewSession, "server closed normally (1000)"),
        4003 or 4005 or 4007 or 4008 or 4009 => new(GatewayActionKind.NewSession, $"session ended by Discord (close {code})"),
        4004 => new(GatewayActionKind.Stop, "Discord gateway closed with 4004 (authentication failed): the bot token in Discord:Token is invalid or was reset."),
        4010 => new(GatewayActionKind.Stop, "Discord gateway closed with 4010 (invalid shard): check Discord:ShardIds and Discord:ShardCount."),
        4011 => new(GatewayActionKind.Stop, "Discord gateway closed with 4011 (sharding required): set Discord:ShardCount or leave it empty to use Discord's recommendation."),
        4012 => new(GatewayActionKind.Stop, "Discord gateway closed with 4012 (invalid API version): the adapter must use v10."),
        4013 => new(GatewayActionKind.Stop, "Discord gateway closed with 4013 (invalid intents): check Discord:ExtraIntents."),
        4014 => new(GatewayActionKind.Stop, "Discord gateway closed with 4014 (disallowed intents): enable Message Content Intent on the Developer Portal's Bot page, or set Discord:MessageContent=false."),
        _ => new(GatewayActionKind.Resume, $"closed with {code}"),
    };
}
