using Microsoft.Extensions.Options;

namespace ChatBot.Core.Delivery;

/// <summary>Fails the start on an older key that could not be read or that contradicts the <c>Delivery</c> section.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
        options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
}
