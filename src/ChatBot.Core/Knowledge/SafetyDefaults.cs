namespace ChatBot.Core.Knowledge;

/// <summary>Semantic-signal settings used when <c>safety.yaml</c> does not set them.</summary>
public static class SafetyDefaults
{
    /// <summary>Mean similarity to a category's three nearest examples at which it fires.</summary>
    public const double Threshold = 0.5;

    /// <summary>How much closer to an example than to the nearest look-alike a message must be.</summary>
    public const double Margin = 0.02;
}
