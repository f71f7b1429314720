using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>The sentences of a normalised message, in which a combination's concepts must meet.</summary>
internal static partial class SafetySentences
{
    public static IReadOnlyList<string> Split(string normalizedMessage) =>
        Boundary().Split(normalizedMessage).Where(s => s.Trim().Length > 0).ToArray();

    [GeneratedRegex(@"[.!?;\n。！？；؟।]+(?:\s+|$)|[。！？；؟।]")]
    private static partial Regex Boundary();
}
