namespace ChatBot.Core.Knowledge;

/// <summary>Semantic-signal settings used when <c>safety.yaml</c> does not set them.</summary>
public static class SafetyDefaults
{
    /// <summary>Mean similarity to a category's three nearest examples at which it fires.</summary>
    public const double Threshold = 0.5;

    /// <summary>How much closer to an example than to the nearest look-alike a message must be.</summary>
    public const double Margin = 0.02;

    /// <summary>
    /// How far below the most similar category another category may be and still fire semantically. At 0.1 a kidney
    /// question near the kidney examples could also raise an emergency from an example that merely mentions kidneys;
    /// 0.08 caught the same red flags on the tune halves with fewer warnings turned into an emergency.
    /// </summary>
    public const double CategoryMargin = 0.08;
}
