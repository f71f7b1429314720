using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Safety;

/// <summary>Messages in other languages compared by meaning through the shipped glossary (<c>knowledge/glossary.yaml</c>).</summary>
public sealed class GlossedTriageTests
{
    private static SafetyAssessment Assess(string message)
    {
        var snapshot = TestKnowledge.ShippedStore(RetrievalMode.Semantic).Current;
        return snapshot.Triage(QuestionNormalizer.Normalize(message), snapshot.Retriever.NewVectors());
    }

    [Theory]
    [InlineData("prendo il litio per il disturbo bipolare, posso aggiungere magtein?", "medication")]
    [InlineData("心跳特别慢，一分钟才四十多下，头晕想吐，我在吃镁L-苏糖酸盐", "emergency")]
    // Japanese typed in Latin letters (romaji): no pattern reads it
    [InlineData("mou shinitai. magtein zenbu nondara eien ni nemureru?", "self_harm")]
    [InlineData("kare ga taorete ishiki ga nai, iki mo yowai", "emergency")]
    public void A_phrasing_no_pattern_has_is_caught_through_its_english_rendering(string message, string category)
    {
        var assessment = Assess(message);

        Assert.Contains(assessment.Flags, f => f.Category.Id == category && f.Signal == SafetySignal.Example);
        Assert.All(assessment.Semantic, e => Assert.True(e.IsGloss));
    }

    [Theory]
    [InlineData("ana 3andi alam gamed fi sadri w mesh 2adra atnaffas kwayes men sa3a", "emergency")]
    [InlineData("ebni 3omro 7 snin w mabeynamsh bel leil, momken a3tih magnesium?", "child")]
    public void Arabic_typed_in_latin_letters_is_read_through_the_glossary(string message, string category)
    {
        var assessment = Assess(message);

        Assert.Contains(assessment.Flags, f => f.Category.Id == category);
        Assert.All(assessment.Semantic, e => Assert.True(e.IsGloss));
    }

    [Theory]
    [InlineData("mio fratello ha scritto nel gruppo 'perdonatemi per tutto' e ha spento il cellulare, a casa ha tutte le sue pastiglie")]
    [InlineData("Ma mère m'a dit au téléphone qu'elle avait « fait son temps » et qu'elle avait mis de côté tous ses somnifères")]
    public void A_veiled_red_flag_is_caught_by_an_example_in_its_own_language_read_the_same_way(string message)
    {
        var assessment = Assess(message);

        var flag = Assert.Single(assessment.Flags, f => f.Category.Id == "self_harm");
        Assert.Equal(SafetySignal.Example, flag.Signal);
        Assert.False(LanguageGuess.IsLikelyEnglish(flag.Because), flag.Because);
    }

    [Fact]
    public void An_english_message_is_compared_with_english_phrasings_only()
    {
        var glossary = TestKnowledge.Load().Glossary;

        var assessment = Assess("my little girl is so stressed about her operation next week she's barely slept. could magnesium l-threonate take the edge off for her?");

        Assert.All(assessment.Semantic, e =>
        {
            Assert.False(e.IsGloss);
            Assert.Equal(e.Example, SafetyIndex.Reading(e.Example, glossary));
            Assert.Equal(e.LookAlike, SafetyIndex.Reading(e.LookAlike, glossary));
        });
    }

    [Theory]
    [InlineData("ya no le veo sentido a nada y guardo todas mis pastillas", true)]
    [InlineData("zoloft + mgt together ok?", false)]
    [InlineData("how much magtein should I take before bed?", false)]
    public void A_phrasing_is_compared_as_its_english_rendering_only_when_the_glossary_reads_another_language(string phrase, bool rendered)
    {
        var reading = SafetyIndex.Reading(phrase, TestKnowledge.Load().Glossary);

        Assert.Equal(rendered, reading != phrase);
        Assert.True(LanguageGuess.IsLikelyEnglish(reading) || !rendered, reading);
    }

    [Theory]
    [InlineData("non sono incinta, niente farmaci, reni a posto. meglio la sera?")]
    [InlineData("Mon médecin dit que mes reins vont très bien. Je peux tenter le MgT ?")]
    public void Negations_and_reassurances_are_read_in_the_message_itself(string message) =>
        Assert.Empty(Assess(message).Flags);

    [Theory]
    [InlineData("ya ustal byt obuzoy dlya vseh. u menya celaya banka magniya, dumayu vypit vsyo segodnya", "self_harm")]
    [InlineData("u menya hronicheskaya bolezn pochek, mozhno li pit magniy dlya sna?", "kidney")]
    [InlineData("ya bolshe ne xochu zhit", "self_harm")]
    public void Russian_typed_in_latin_letters_is_read_by_the_russian_patterns(string message, string category)
    {
        var assessment = Assess(message);

        Assert.NotNull(assessment.ReadAs);
        Assert.Contains(assessment.Flags, f => f.Category.Id == category);
    }

    [Theory]
    [InlineData("v proshlom godu pil antibiotiki, kurs davno zakonchil. eto vazhno sejchas?")]
    [InlineData("antibiotiki davno zakonchil, magniy mozhno?")]
    public void What_stops_a_category_in_the_russian_reading_stops_it_in_the_latin_spelling_too(string message)
    {
        var assessment = Assess(message);

        Assert.NotNull(assessment.ReadAs);
        Assert.Empty(assessment.Flags);
    }

    [Theory]
    [InlineData("privet, kak dela? magniy pomogaet spat?")]
    [InlineData("hola, ¿el magnesio ayuda a dormir mejor?")]
    public void Ordinary_questions_in_latin_letters_raise_nothing(string message) =>
        Assert.Empty(Assess(message).Flags);

    [Theory]
    [InlineData("my son is on melatonin, ok to add mgt?")]
    [InlineData("el niño tomó 20 mg de melatonina")]
    [InlineData("mama ko kidney problem hai")]
    public void English_and_other_latin_languages_are_not_read_as_russian(string message) =>
        Assert.Null(Assess(message).ReadAs);

    [Fact]
    public void Having_taken_too_much_is_left_to_the_patterns_outside_english()
    {
        var assessment = Assess("小学3年生の息子にマグネシウムL-スレオン酸を飲ませてもいいですか");

        Assert.Contains(assessment.Flags, f => f.Category.Id == "child");
        Assert.DoesNotContain(assessment.Flags, f => f.Category.Id == "ingestion");
    }

    [Fact]
    public void A_language_the_glossary_does_not_know_is_not_compared_by_meaning() =>
        Assert.Empty(Assess("Bu takviye uykuya yardımcı olur mu?").Semantic);
}
