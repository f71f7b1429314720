using System.Globalization;
using System.Text;

namespace ChatBot.Core.Text;

/// <summary>Latin letters without their accents: people type "corazon" for "corazón" and "gravida" for "grávida".</summary>
public static class Accents
{
    /// <summary>The text without accents on Latin letters; other scripts, whose marks are letters' vowels, are left alone.</summary>
    public static string Remove(string text)
    {
        if (text.Any(c => c > '\u024F'))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
