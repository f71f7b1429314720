using System.Globalization;
using System.Text;

namespace ChatBot.Core.Text;

/// <summary>
/// First step of the pipeline: Unicode NFKC, invisible and control characters removed (zero-width,
/// bidi overrides), white space collapsed, length capped — so triage and retrieval see plain text.
/// </summary>
public static class QuestionNormalizer
{
    /// <summary>Longer questions are cut; the start of a message is where people put their question.</summary>
    public const int MaxLength = 4000;

    public static string Normalize(string? question)
    {
        if (string.IsNullOrEmpty(question))
        {
            return "";
        }

        var text = question.Length > MaxLength * 2 ? question[..(MaxLength * 2)] : question;
        text = WithoutInvalidCode(text).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= MaxLength)
            {
                break;
            }

            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = builder.Length > 0;
                continue;
            }

            if (IsInvisible(rune))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }

    /// <summary>Lone surrogates cannot be normalised; enumerating runes turns them into U+FFFD, which is dropped.</summary>
    private static string WithoutInvalidCode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune != Rune.ReplacementChar)
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || rune == Rune.ReplacementChar;
}
