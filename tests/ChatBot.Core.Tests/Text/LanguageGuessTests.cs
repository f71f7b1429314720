using ChatBot.Core.Answering;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Text;

public sealed class LanguageGuessTests
{
    [Theory]
    [InlineData("можно ли принимать магний на ночь?")]
    [InlineData("هل يساعد المغنيسيوم على النوم؟")]
    [InlineData("क्या मैग्नीशियम नींद में मदद करता है?")]
    [InlineData("Bu takviye uykuya yardımcı olur mu?")]
    [InlineData("il magnesio è utile per dormire? non riesco a dormire bene")]
    [InlineData("mere husband ko neend nahi aati, kya ye unke liye safe hai? main tension me hoon")]
    [InlineData("ya gama3a benty 3andaha 12 sana we ana mesh 3arfa asa7eeha")]
    [InlineData("kusuri to magtein issho ni nonde mo ii?")]
    public void Other_scripts_and_languages_are_not_taken_for_english(string question) =>
        Assert.False(LanguageGuess.IsLikelyEnglish(question));

    [Theory]
    [InlineData("does mag threonate actually help w sleep", true)]
    [InlineData("side effects?", true)]
    [InlineData("started 3 days ago, still nothing. normal?", true)]
    [InlineData("glycine 2g before bed, better than threonate?", true)]
    [InlineData("can’t sleep, took 2 more, bad idea?", true)]
    [InlineData("took 2 at 5am, woke at 8am, 2nd night in a row we slept great", true)]
    [InlineData("¿El treonato de magnesio de verdad ayuda a dormir? ¿Qué efectos secundarios tiene?", false)]
    [InlineData("Wie viel Magnesium-L-Threonat sollte ich täglich nehmen und gibt es Nebenwirkungen?", false)]
    [InlineData("苏糖酸镁真的能改善睡眠吗", false)]
    [InlineData("est-ce que le thréonate de magnésium aide pour le sommeil ?", false)]
    public void Guesses_whether_a_question_is_english(string question, bool english) =>
        Assert.Equal(english, LanguageGuess.IsLikelyEnglish(question));

    [Fact]
    public void A_question_in_a_language_the_glossary_does_not_read_is_told_the_bot_answers_in_english()
    {
        var reply = TestKnowledge.Engine(RetrievalMode.Lexical).Ask("Bu takviye uykuya yardımcı olur mu?", new AskContext("test"));

        Assert.StartsWith(TestKnowledge.Load().Bot.Messages.EnglishOnly, reply.Message, StringComparison.Ordinal);
    }
}
