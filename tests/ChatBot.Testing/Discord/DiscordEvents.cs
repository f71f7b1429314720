using System.Text.Json.Nodes;

namespace ChatBot.Testing.Discord;

/// <summary>Gateway event fixtures shaped like the protocol brief's §12 examples.</summary>
public static class DiscordEvents
{
    public const string GuildId = "1100000000000000001";
    public const string ChannelId = "1110000000000000002";
    public const string UserId = "1050000000000000003";
    public const string BotId = "1200000000000000001";
    private static long _next = 1_300_000_000_000_000_000;

    public static string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Mention(string text, string? channelId = null, string? id = null) => new()
    {
        ["id"] = id ?? NextId(),
        ["channel_id"] = channelId ?? ChannelId,
        ["guild_id"] = GuildId,
        ["author"] = User(UserId),
        ["member"] = new JsonObject { ["roles"] = new JsonArray() },
        ["content"] = $"<@{BotId}> {text}",
        ["mention_everyone"] = false,
        ["mentions"] = new JsonArray(User(BotId, bot: true)),
        ["mention_roles"] = new JsonArray(),
        ["type"] = 0,
        ["channel_type"] = 0,
    };

    public static JsonObject DirectMessage(string text) => new()
    {
        ["id"] = NextId(),
        ["channel_id"] = "1600000000000000009",
        ["author"] = User(UserId),
        ["content"] = text,
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["type"] = 0,
        ["channel_type"] = 1,
    };

    public static JsonObject Command(string name, JsonArray options, bool inGuild = true)
    {
        var interaction = Interaction(2, new JsonObject { ["id"] = "1210000000000000006", ["name"] = name, ["type"] = 1, ["options"] = options }, inGuild);
        return interaction;
    }

    public static JsonObject Option(string name, string value, bool focused = false)
    {
        var option = new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }

    public static JsonObject IntegerOption(string name, int value) => new() { ["name"] = name, ["type"] = 4, ["value"] = value };

    public static JsonObject SubCommand(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) };

    public static JsonObject Autocomplete(string name, JsonArray options) =>
        Interaction(4, new JsonObject { ["id"] = "1210000000000000006", ["name"] = name, ["type"] = 1, ["options"] = options }, true);

    public static JsonObject Button(string customId) =>
        Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, true);

    public static JsonObject User(string id, bool bot = false) => new()
    {
        ["id"] = id, ["username"] = bot ? "sleepbot" : "nightowl", ["discriminator"] = "0", ["avatar"] = null, ["bot"] = bot,
    };

    private static JsonObject Interaction(int type, JsonObject data, bool inGuild)
    {
        var id = NextId();
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = BotId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = ChannelId,
            ["token"] = "aW50ZXJhY3Rpb246" + id,
            ["version"] = 1,
            ["app_permissions"] = "2248473465835073",
            ["locale"] = "en-US",
        };
        if (inGuild)
        {
            interaction["guild_id"] = GuildId;
            interaction["member"] = new JsonObject { ["user"] = User(UserId), ["roles"] = new JsonArray(), ["permissions"] = "1126037345651777" };
        }
        else
        {
            interaction["user"] = User(UserId);
        }

        return interaction;
    }
}
