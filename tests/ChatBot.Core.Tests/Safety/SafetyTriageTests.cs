using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Safety;
using ChatBot.Core.Text;

namespace ChatBot.Core.Tests.Safety;

public sealed class SafetyTriageTests
{
    private readonly KnowledgeBase _knowledge = TestKnowledge.Load();

    private string[] Flags(string question) =>
        SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(question), _knowledge.Safety).Flags.Select(f => f.Category.Id).ToArray();

    [Theory]
    [InlineData("estoy embarazada, ¿puedo tomar treonato de magnesio?", "pregnancy")]
    [InlineData("estou grávida, posso tomar?", "pregnancy")]
    [InlineData("je suis enceinte, est-ce que je peux en prendre ?", "pregnancy")]
    [InlineData("ich bin schwanger, darf ich das nehmen?", "pregnancy")]
    [InlineData("我怀孕了，可以吃苏糖酸镁吗？", "pregnancy")]
    [InlineData("mi hijo de 8 años no duerme", "child")]
    [InlineData("mein Kind ist 6", "child")]
    [InlineData("tengo enfermedad del riñón", "kidney")]
    [InlineData("je suis sous dialyse", "kidney")]
    [InlineData("我有肾病", "kidney")]
    [InlineData("tomo medicamentos para la presión", "medication")]
    [InlineData("tomei uma overdose ontem", "ingestion")]
    [InlineData("tengo dolor de pecho", "emergency")]
    [InlineData("ich habe Brustschmerzen", "emergency")]
    [InlineData("quiero morir", "self_harm")]
    [InlineData("je veux me tuer", "self_harm")]
    [InlineData("我不想活了", "self_harm")]
    [InlineData("im pregant", "pregnancy")]
    [InlineData("i feel like ending my life", "self_harm")]
    [InlineData("what's the point of living", "self_harm")]
    [InlineData("life isn't worth living", "self_harm")]
    [InlineData("i've been cutting myself", "self_harm")]
    [InlineData("i want to disappear forever", "self_harm")]
    [InlineData("how many capsules would it take to never wake up", "self_harm")]
    [InlineData("i'm going to overdose on my magnesium tonight", "self_harm")]
    [InlineData("my son is 10 can he take magtein", "child")]
    [InlineData("i took 10 pills by accident", "ingestion")]
    [InlineData("мне 14, можно мне магтейн?", "child")]
    [InlineData("妊娠中ですが飲んでもいいですか", "pregnancy")]
    [InlineData("أنا حامل هل يمكنني تناوله", "pregnancy")]
    [InlineData("मैं गर्भवती हूँ, क्या मैं इसे ले सकती हूँ?", "pregnancy")]
    [InlineData("ho preso tutto il flacone", "ingestion")]
    [InlineData("voglio morire", "self_harm")]
    [InlineData("死にたい", "self_harm")]
    [InlineData("хочу умереть", "self_harm")]
    [InlineData("أريد أن أموت", "self_harm")]
    [InlineData("मैं मरना चाहता हूँ", "self_harm")]
    [InlineData("me tomé todo el frasco", "ingestion")]
    [InlineData("j'ai pris toute la boîte", "ingestion")]
    [InlineData("ich habe die ganze Flasche genommen", "ingestion")]
    [InlineData("tomei o frasco todo", "ingestion")]
    [InlineData("胸が痛い", "emergency")]
    [InlineData("не могу дышать", "emergency")]
    [InlineData("لا أستطيع التنفس", "emergency")]
    [InlineData("सीने में दर्द है", "emergency")]
    [InlineData("non riesco a respirare", "emergency")]
    [InlineData("i'm on blood thinners", "medication")]
    [InlineData("my lips are swelling up", "emergency")]
    [InlineData("i had a kidney transplant", "kidney")]
    [InlineData("I'm on lexapro, does mgt knock you out like benadryl?", "medication")]
    [InlineData("gave my cat to my neighbour and updated my will. last question, how many would it take", "self_harm")]
    [InlineData("honestly I don't care whether I wake up tomorrow or not", "self_harm")]
    [InlineData("ya me da igual si despierto o no", "self_harm")]
    [InlineData("мне уже всё равно, проснусь я или нет", "self_harm")]
    [InlineData("もう目が覚めなくてもいいや", "self_harm")]
    [InlineData("a volte penso che sarebbe più facile non svegliarsi", "self_harm")]
    [InlineData("my brother has been giving away his things all week", "self_harm")]
    [InlineData("ich krieg meinen Vater nicht wach", "emergency")]
    public void Red_flags_fire_in_any_language_and_common_misspellings(string question, string flag) =>
        Assert.Contains(flag, Flags(question));

    [Theory]
    [InlineData("can people with kidney problems take magnesium")]
    [InlineData("what dose did they use in the study")]
    [InlineData("does magtein make u drowsy the next day")]
    [InlineData("how many mg of melatonin should i take")]
    [InlineData("is 3 mg melatonin too much?")]
    [InlineData("my kids are asleep, can I take it now?")]
    [InlineData("does MgT knock you out like Benadryl or is it subtler?")]
    [InlineData("last question: I gave my dog to my sister for the week, does it help with jet lag?")]
    [InlineData("I get a faint headache")]
    [InlineData("is the drowsiness going to disappear")]
    [InlineData("I worry too much")]
    [InlineData("pregnenolone or magnesium for sleep?")]
    [InlineData("that's odd")]
    [InlineData("se bebe con agua?")]
    [InlineData("my heart skipped a beat when I saw the price lol")]
    [InlineData("I'm expecting it to work within a week")]
    [InlineData("I'm expecting my first order on Friday, when should I take it?")]
    [InlineData("mon fils m'a acheté une boîte, c'est pour quoi ?")]
    [InlineData("my toddler sleeps fine now, it's me who can't sleep")]
    [InlineData("had my kidneys checked in the spring, results came back normal. can I try it?")]
    [InlineData("ich hatte mal Nierensteine, längst ausgeheilt. was bringt MgT?")]
    [InlineData("out cold by 10 last night, best sleep in years lol")]
    [InlineData("la curiosità mi uccide: quanto magnesio c'è in una capsula?")]
    public void Ordinary_questions_raise_no_flag(string question) =>
        Assert.Empty(Flags(question));

    [Theory]
    [InlineData("had my kidneys checked last month, results came back normal")]
    [InlineData("Fiz exame dos rins mês passado, tudo normal.")]
    [InlineData("上个月刚查过肾功能,一切正常")]
    public void A_check_that_came_back_fine_is_read_as_fine(string sentence) =>
        Assert.True(SaysPastFine(sentence));

    [Theory]
    [InlineData("my kidney function tests were not normal")]
    [InlineData("mis análisis de riñón no salieron bien")]
    [InlineData("meus exames dos rins não deram normais")]
    [InlineData("meine Nierenwerte sind nicht gut")]
    [InlineData("i miei esami dei reni non sono normali")]
    [InlineData("анализы почек не в порядке")]
    [InlineData("体检肾功能不正常")]
    [InlineData("التحاليل تبع الكلى مو طبيعية")]
    [InlineData("किडनी की जांच ठीक नहीं आई")]
    [InlineData("kidney tests fine, but I'm on dialysis since spring")]
    public void A_check_that_did_not_come_back_fine_never_quiets_the_kidney_warning(string sentence) =>
        Assert.False(SaysPastFine(sentence));

    private bool SaysPastFine(string sentence)
    {
        var pastFine = _knowledge.Safety.Single(c => c.Id == "kidney").Unless.Single(c => c.Name == "past_fine");
        var text = ArabicLetters.Fold(QuestionNormalizer.Normalize(sentence));
        return pastFine.Patterns.Any(p => p.IsMatch(text));
    }

    [Fact]
    public void Urgent_flags_replace_the_answer_with_help_first()
    {
        var reply = TestKnowledge.Engine(RetrievalMode.Lexical).Ask("my chest feels tight after taking mgt, what are the side effects", new AskContext("test"));

        Assert.Equal(ReplyOutcome.Safety, reply.Outcome);
        Assert.True(reply.HasUrgentSafety);
        Assert.Equal("", reply.Answer);
        Assert.Empty(reply.Citations);
        Assert.StartsWith("⚠", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_flags_stand_above_the_answer()
    {
        var reply = TestKnowledge.Engine(RetrievalMode.Lexical).Ask("im pregnant, what are the side effects of mag threonate", new AskContext("test"));

        Assert.Equal(ReplyOutcome.Safety, reply.Outcome);
        Assert.Contains("pregnancy", reply.SafetyFlags);
        Assert.Equal("side-effects", reply.EntryId);
        Assert.True(reply.Text.IndexOf("⚠", StringComparison.Ordinal) < reply.Text.IndexOf(reply.Answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mi hermano se tragó como 15 pastillas de magnesio", "ingestion")]
    [InlineData("он выпил 12 капсул магния сразу", "ingestion")]
    [InlineData("ابني بلع حبوب كثيرة من المغنيسيوم", "ingestion")]
    [InlineData("mon père n'arrive plus à respirer depuis qu'il a pris le magnésium", "emergency")]
    [InlineData("mein Mann ist zusammengebrochen und reagiert nicht", "emergency")]
    [InlineData("no aguanto más, ya junté todas las pastillas", "self_harm")]
    [InlineData("mi nipote di 2 anni ha ingoiato delle capsule, non so quante", "ingestion")]
    [InlineData("took 5000 mg of threonate tonight", "ingestion")]
    [InlineData("мой отец на гемодиализе", "kidney")]
    [InlineData("mera beta 8 saal ka hai, use de sakte hain?", "child")]
    public void Concepts_combine_across_languages(string message, string category)
    {
        var flags = SafetyTriage.ByPatterns(QuestionNormalizer.Normalize(message), _knowledge.Safety).Flags;

        Assert.Contains(flags, f => f.Category.Id == category && f.Signal == SafetySignal.Combination);
    }

    [Theory]
    [InlineData("تعبت من الحياة وما عاد فيني")]
    [InlineData("تعبت من الحياه وما عاد فيني")]
    public void Arabic_is_read_with_and_without_hamza_alike(string message) =>
        Assert.Contains("self_harm", Flags(message));

    [Theory]
    [InlineData("what are the warning signs of too much magnesium? muscle weakness, a slow pulse?")]
    [InlineData("can magnesium cause chest pain in general?")]
    [InlineData("this insomnia is killing me")]
    public void General_questions_about_symptoms_and_idioms_keep_their_answer(string message) =>
        Assert.DoesNotContain(Flags(message), f => f is "emergency" or "self_harm" or "ingestion");

    [Theory]
    [InlineData("my dad can't move his legs and his pulse is 38 after his magnesium")]
    [InlineData("what are the signs of too much magnesium? asking because i have chest pain right now")]
    public void The_same_symptoms_told_of_a_person_still_raise_an_emergency(string message) =>
        Assert.Contains("emergency", Flags(message));

    [Theory]
    [InlineData("I have never had kidney problems, can I take it?", "I have kidney problems, can I take it?", "kidney")]
    [InlineData("I'm not on sertraline or anything like that, does it help anxiety?", "I'm on sertraline, does it help anxiety?", "medication")]
    [InlineData("nunca he tenido problemas de riñón, ¿lo puedo tomar?", "tengo problemas de riñón, ¿lo puedo tomar?", "kidney")]
    [InlineData("ich hatte nie Nierenprobleme, darf ich das nehmen?", "ich habe Nierenprobleme, darf ich das nehmen?", "kidney")]
    [InlineData("我从来没有肾病，可以吃吗？", "我有肾病，可以吃吗？", "kidney")]
    [InlineData("妊娠も授乳もしていません。飲んでも大丈夫？", "妊娠しています。飲んでも大丈夫？", "pregnancy")]
    public void A_negated_statement_raises_nothing_and_the_same_words_affirmed_do(string negated, string affirmed, string category)
    {
        Assert.DoesNotContain(category, Flags(negated));
        Assert.Contains(category, Flags(affirmed));
    }

    [Theory]
    [InlineData("no meds except lithium, can I take mgt?", "medication")]
    [InlineData("I'm not on anything but I'm 20 weeks pregnant", "pregnancy")]
    [InlineData("I don't have kidney disease, my wife does and she's on dialysis, can she take it?", "kidney")]
    [InlineData("I can't stop taking my sertraline, is it ok with mgt?", "medication")]
    [InlineData("not sure if it's ok with my lexapro", "medication")]
    [InlineData("妊娠中なので薬は飲んでいません", "pregnancy")]
    [InlineData("me tomé sin querer el doble de la dosis de magtein", "ingestion")]
    [InlineData("took 8 caps without thinking, is that bad", "ingestion")]
    public void A_negation_covers_only_its_own_words(string message, string category) =>
        Assert.Contains(category, Flags(message));

    [Fact]
    public void A_negation_never_silences_an_urgent_flag() =>
        Assert.Contains("self_harm", Flags("I don't want to live anymore, how many would it take"));
}
