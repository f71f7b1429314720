using System.Text.Json;

namespace ChatBot.Discord.Inbound;

/// <summary>A command option; sub-commands nest <see cref="Options"/>.</summary>
internal sealed record IncomingOption(string Name, int Type, JsonElement? Value, IReadOnlyList<IncomingOption>? Options, bool? Focused)
{
    public string Text => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : Value?.ToString() ?? "";
}
