using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>Whitespace-normalised text comparison, for matching quotes against sources.</summary>
public static class TextMatch
{
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
