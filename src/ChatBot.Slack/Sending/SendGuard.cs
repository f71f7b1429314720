using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Slack.Sending;

/// <summary>
/// Last line of defence: we add no Slack markup of our own, so after escaping no string in an outgoing
/// body may hold a raw <c>&lt;</c> or <c>&gt;</c> (the only way to write <c>&lt;!channel&gt;</c> or a user
/// mention), <c>link_names</c>/<c>parse</c> must be absent and every mrkdwn object verbatim.
/// A violation is a bug in our renderer, so it throws rather than posting.
/// </summary>
public static class SendGuard
{
    public static JsonObject Check(JsonObject body)
    {
        if (body.ContainsKey("link_names") || body.ContainsKey("parse"))
        {
            throw new InvalidOperationException("Slack send path: link_names/parse must never be set.");
        }

        Walk(body);
        return body;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == JsonValueKind.String && (string?)obj["type"] == "mrkdwn"
                    && obj["verbatim"]?.GetValueKind() != JsonValueKind.True)
                {
                    throw new InvalidOperationException("Slack send path: a mrkdwn text object is not verbatim.");
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("Slack send path: unescaped '<' or '>' in an outgoing message.");
                }

                break;
        }
    }
}
