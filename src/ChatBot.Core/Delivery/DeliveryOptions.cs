namespace ChatBot.Core.Delivery;

/// <summary>
/// How replies are delivered (section <c>Delivery</c>). Adapters keep their older per-platform keys working
/// as aliases (<see cref="CoreServiceCollectionExtensions.AddDeliveryAlias"/>); an alias applies to its own
/// platform only, and must agree with <see cref="PublicSafetyGuidance"/> when both are set.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";
    public const string PublicSafetyGuidanceKey = Section + ":" + nameof(PublicSafetyGuidance);

    private readonly Dictionary<string, SafetyGuidanceDelivery> _byPlatform = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    /// <summary>
    /// Where a reply with safety guidance goes when it was asked where others would see it, on every platform.
    /// Unset: a platform's older key, else <see cref="SafetyGuidanceDelivery.Private"/>.
    /// </summary>
    public SafetyGuidanceDelivery? PublicSafetyGuidance { get; set; }

    /// <summary>Aliases that could not be read or that contradict <see cref="PublicSafetyGuidance"/>; the start fails on them.</summary>
    internal IReadOnlyList<string> Problems => _problems;

    public SafetyGuidanceDelivery SafetyGuidanceFor(string platform) =>
        PublicSafetyGuidance ?? (_byPlatform.TryGetValue(platform, out var value) ? value : SafetyGuidanceDelivery.Private);

    /// <summary>Takes an older key's <paramref name="value"/> (null: not set) for <paramref name="platform"/>.</summary>
    internal void ApplyAlias(string platform, string key, string? value, Func<string, SafetyGuidanceDelivery?> read)
    {
        if (value is null)
        {
            return;
        }

        if (read(value) is not { } setting)
        {
            _problems.Add($"{key} is '{value}', which it never took; set {PublicSafetyGuidanceKey} to Private or Public instead.");
        }
        else if (PublicSafetyGuidance is { } global && global != setting)
        {
            _problems.Add($"{key} (an older name of {PublicSafetyGuidanceKey}) says {setting} but {PublicSafetyGuidanceKey} says {global}; remove {key}.");
        }
        else
        {
            _byPlatform[platform] = setting;
        }
    }
}
