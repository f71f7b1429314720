namespace ChatBot.Core.Safety;

/// <summary>
/// Arabic is typed with and without hamza on alef, and with ى for ي and ه for ة at word ends, often in
/// one message. Safety patterns and messages are both read with these letters folded, so a pattern
/// written one way matches every way people type it.
/// </summary>
internal static class ArabicLetters
{
    public static string Fold(string text)
    {
        if (!text.Any(IsFoldable))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                    'ى' => 'ي',
                    'ة' => 'ه',
                    var c => c,
                };
            }
        });
    }

    private static bool IsFoldable(char c) => c is 'أ' or 'إ' or 'آ' or 'ٱ' or 'ى' or 'ة';
}
