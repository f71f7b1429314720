using System.ComponentModel.DataAnnotations;

namespace ChatBot.Host.Operations;

/// <summary>
/// Health, metrics and log format (section <c>Operations</c>). The endpoint is off unless <see cref="Url"/> is set;
/// keep it on a private address: it is for the operator's monitoring, not for users.
/// </summary>
public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>Where <c>/healthz</c>, <c>/readyz</c> and (with <see cref="Prometheus"/>) <c>/metrics</c> listen, e.g. <c>http://127.0.0.1:9464</c>. Empty: off.</summary>
    public string Url { get; set; } = "";

    /// <summary>Serve the metrics for Prometheus to scrape at <c>/metrics</c> on <see cref="Url"/>.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Push the metrics by OTLP to this collector (e.g. <c>http://otel-collector:4317</c>). Empty: off.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>text</c> (default) or <c>json</c>: one JSON object per log line, with an ISO 8601 UTC timestamp.</summary>
    [RegularExpression("^(text|json)$")]
    public string LogFormat { get; set; } = "text";

    public bool EndpointEnabled => Url.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url.Length > 0 && !IsHttpUrl(Url))
        {
            yield return new ValidationResult($"Operations:Url '{Url}' is not an http:// URL with a port", [nameof(Url)]);
        }

        if (OtlpEndpoint.Length > 0 && !IsHttpUrl(OtlpEndpoint))
        {
            yield return new ValidationResult($"Operations:OtlpEndpoint '{OtlpEndpoint}' is not an http(s):// URL", [nameof(OtlpEndpoint)]);
        }
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
