using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Replies;

/// <summary>The one order of a reply's sections, and which of them no renderer may trim.</summary>
public sealed class ReplySectionsTests
{
    private static readonly IAnswerEngine Engine = TestKnowledge.Engine(RetrievalMode.Lexical);

    private static Reply Full() => new()
    {
        Id = "0123456789abcdef",
        Outcome = ReplyOutcome.Safety,
        Title = "Does it help sleep?",
        Message = "Reading this with your earlier question.",
        Choices = [new RelatedQuestion("a", "A?"), new RelatedQuestion("b", "B?")],
        Answer = "One small trial.",
        Citations = [new Citation("article", "The article", "A quote.", "¶1 s.1")],
        Evidence = "one human clinical trial",
        Caveats = ["Small study."],
        Safety = [new SafetyNotice("kidney", "Kidneys", "Ask your doctor first.", false), new SafetyNotice("emergency", "Emergency", "Call emergency services.", true)],
        DoctorAdvice = "Talk to a doctor.",
        Related = [new RelatedQuestion("dose", "How much?")],
        Text = "",
    };

    [Fact]
    public void Every_section_comes_in_the_one_order()
    {
        Assert.Equal(
            [
                ReplySectionKind.SafetyGuidance, ReplySectionKind.Message, ReplySectionKind.Choices, ReplySectionKind.Answer, ReplySectionKind.Quotes,
                ReplySectionKind.Evidence, ReplySectionKind.Caveats, ReplySectionKind.DoctorAdvice, ReplySectionKind.Related,
            ],
            Full().Sections.Select(s => s.Kind));
    }

    [Fact]
    public void Safety_guidance_caveats_and_doctor_advice_are_fixed_and_nothing_else_is()
    {
        var fixedKinds = Full().Sections.Where(s => s.Fit == SectionFit.Fixed).Select(s => s.Kind);

        Assert.Equal([ReplySectionKind.SafetyGuidance, ReplySectionKind.Caveats, ReplySectionKind.DoctorAdvice], fixedKinds);
        Assert.All(Full().Sections.Where(s => s.Kind is ReplySectionKind.Answer or ReplySectionKind.Quotes), s => Assert.Equal(SectionFit.Trimmable, s.Fit));
    }

    [Fact]
    public void Empty_parts_are_left_out_but_caveats_and_doctor_advice_never_are()
    {
        var sections = Engine.About().Sections.Select(s => s.Kind);

        Assert.Equal([ReplySectionKind.Message, ReplySectionKind.Caveats, ReplySectionKind.DoctorAdvice], sections);
    }

    [Fact]
    public void An_answer_shows_its_answer_before_its_quotes_and_its_caveats_after()
    {
        var kinds = Engine.ShowEntry(Engine.ListTopics()[0].EntryId, new AskContext("test")).Sections.Select(s => s.Kind).ToList();

        Assert.True(kinds.IndexOf(ReplySectionKind.Answer) < kinds.IndexOf(ReplySectionKind.Quotes));
        Assert.True(kinds.IndexOf(ReplySectionKind.Quotes) < kinds.IndexOf(ReplySectionKind.Caveats));
        Assert.Equal(kinds.IndexOf(ReplySectionKind.Caveats) + 1, kinds.IndexOf(ReplySectionKind.DoctorAdvice));
    }

    [Fact]
    public void Urgent_safety_guidance_comes_first()
    {
        Assert.Equal(["emergency", "kidney"], ReplySections.SafetyInOrder(Full()).Select(s => s.Flag));
    }

    [Fact]
    public void The_plain_text_follows_the_section_order()
    {
        var reply = Full();
        var text = ReplyTextRenderer.Render(reply);
        string[] inOrder = ["Call emergency services.", "Ask your doctor first.", reply.Message, "  • A?", reply.Answer, "A quote.", reply.Evidence, "Small study.", reply.DoctorAdvice, "How much?"];

        var positions = inOrder.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Fitting_keeps_fixed_parts_whole_and_shortens_trimmable_ones_in_order()
    {
        RenderedPart[] parts =
        [
            new(new string('s', 30), SectionFit.Fixed),
            new(new string('m', 20), SectionFit.Trimmable),
            new(new string('a', 100), SectionFit.Trimmable),
            new(new string('c', 30), SectionFit.Fixed),
        ];

        var text = SectionFitting.Join(parts, "|", 100, (t, max) => t[..Math.Min(t.Length, max)]);

        Assert.Equal(100, text.Length);
        Assert.Equal($"{new string('s', 30)}|{new string('m', 20)}|{new string('a', 17)}|{new string('c', 30)}", text);
    }

    [Fact]
    public void Fitting_leaves_out_a_trimmable_part_with_no_room_and_never_cuts_a_fixed_one()
    {
        RenderedPart[] parts = [new(new string('s', 80), SectionFit.Fixed), new("answer", SectionFit.Trimmable), new(new string('c', 40), SectionFit.Fixed)];

        var text = SectionFitting.Join(parts, "|", 100, (t, max) => t[..Math.Min(t.Length, max)]);

        Assert.Equal($"{new string('s', 80)}|{new string('c', 40)}", text);
    }

    [Fact]
    public void Fitting_in_bytes_leaves_the_trimmable_parts_what_is_given_beyond_the_fixed_size()
    {
        RenderedPart[] parts = [new(new string('ü', 10), SectionFit.Fixed), new(new string('ä', 100), SectionFit.Trimmable), new("ok", SectionFit.Fixed)];
        static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

        var max = SectionFitting.FixedSize(parts, "|", Bytes) + 10;
        var text = SectionFitting.Join(parts, "|", max, (t, room) => t[..Math.Min(t.Length, room / 2)], Bytes);

        Assert.Equal(24, SectionFitting.FixedSize(parts, "|", Bytes));
        Assert.Equal($"{new string('ü', 10)}|{new string('ä', 5)}|ok", text);
        Assert.Equal(max, Bytes(text));
    }
}
