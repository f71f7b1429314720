using ChatBot.Core.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Delivery;

/// <summary>The one <c>Delivery</c> setting, and the older per-platform keys adapters keep working as aliases.</summary>
public sealed class DeliveryOptionsTests
{
    private const string OldKey = "Chat:PublicSafetyMode";

    [Fact]
    public void Unset_means_private_on_every_platform()
    {
        var options = Options();

        Assert.Equal(SafetyGuidanceDelivery.Private, options.SafetyGuidanceFor("chat"));
        Assert.Equal(SafetyGuidanceDelivery.Private, options.SafetyGuidanceFor("other"));
    }

    [Fact]
    public void The_delivery_key_sets_every_platform()
    {
        var options = Options(("Delivery:PublicSafetyGuidance", "Public"));

        Assert.Equal(SafetyGuidanceDelivery.Public, options.SafetyGuidanceFor("chat"));
        Assert.Equal(SafetyGuidanceDelivery.Public, options.SafetyGuidanceFor("other"));
    }

    [Fact]
    public void An_older_key_sets_its_own_platform_only()
    {
        var options = Options((OldKey, "public"));

        Assert.Equal(SafetyGuidanceDelivery.Public, options.SafetyGuidanceFor("chat"));
        Assert.Equal(SafetyGuidanceDelivery.Private, options.SafetyGuidanceFor("other"));
    }

    [Fact]
    public void An_older_key_that_agrees_with_the_delivery_key_is_fine()
    {
        var options = Options(("Delivery:PublicSafetyGuidance", "Public"), (OldKey, "Public"));

        Assert.Equal(SafetyGuidanceDelivery.Public, options.SafetyGuidanceFor("chat"));
    }

    [Fact]
    public void An_older_key_that_contradicts_the_delivery_key_fails_the_start_naming_both()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(("Delivery:PublicSafetyGuidance", "Private"), (OldKey, "Public")));

        Assert.Contains(OldKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(DeliveryOptions.PublicSafetyGuidanceKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_key_with_a_value_it_never_took_fails_the_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options((OldKey, "sometimes")));

        Assert.Contains(OldKey, error.Message, StringComparison.Ordinal);
    }

    private static DeliveryOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection()
            .AddDelivery(configuration)
            .AddDeliveryAlias(configuration, "chat", OldKey, value => Enum.TryParse<SafetyGuidanceDelivery>(value, true, out var v) ? v : null)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
    }
}
