using ChatBot.Core.Answering;
using ChatBot.Core.Delivery;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Delivery;

/// <summary>Whether a reply goes where it was asked or to the asker alone, decided once for every adapter.</summary>
public sealed class DeliveryPlannerTests
{
    private const string Platform = "chat";
    private static readonly IAnswerEngine Engine = TestKnowledge.Engine(RetrievalMode.Lexical);

    private static DeliveryPlanner Planner(SafetyGuidanceDelivery? setting = null) =>
        new(Engine, Options.Create(new DeliveryOptions { PublicSafetyGuidance = setting }));

    private static Reply Answer() => Engine.ShowEntry(Engine.ListTopics()[0].EntryId, new AskContext(Platform));

    private static Reply WithSafety(bool urgent) => Answer() with
    {
        Outcome = ReplyOutcome.Safety,
        Safety = [new SafetyNotice("pregnancy", "Pregnancy", "Ask your midwife or doctor first.", urgent)],
    };

    [Fact]
    public void Safety_asked_in_public_gets_a_notice_there_and_the_full_reply_for_the_asker_alone()
    {
        var reply = WithSafety(urgent: false);

        var plan = Planner().Plan(reply, Place.PublicChannel(Platform));

        Assert.Same(reply, plan.ToAskerOnly);
        Assert.Equal(ReplyOutcome.Notice, plan.WhereAsked.Outcome);
        Assert.Equal(Engine.Notice(NoticeKind.SafetyGuidanceSentPrivately).Message, plan.WhereAsked.Message);
        Assert.Empty(plan.WhereAsked.Safety);
        Assert.Equal(Engine.Notice(NoticeKind.SafetyGuidanceUndeliverable).Message, plan.IfAskerOnlyUndeliverable?.Message);
        Assert.False(plan.IsUrgent);
    }

    [Fact]
    public void Safety_asked_in_a_direct_message_goes_there_whole()
    {
        var reply = WithSafety(urgent: false);

        var plan = Planner().Plan(reply, Place.DirectMessage(Platform));

        Assert.Same(reply, plan.WhereAsked);
        Assert.Null(plan.ToAskerOnly);
    }

    [Fact]
    public void Safety_asked_where_only_the_asker_sees_the_reply_goes_there_whole()
    {
        var reply = WithSafety(urgent: false);

        var plan = Planner().Plan(reply, Place.AskerOnly(Platform));

        Assert.Same(reply, plan.WhereAsked);
        Assert.Null(plan.ToAskerOnly);
    }

    [Fact]
    public void A_reply_without_safety_guidance_goes_where_it_was_asked()
    {
        var reply = Answer();

        var plan = Planner().Plan(reply, Place.PublicChannel(Platform));

        Assert.Same(reply, plan.WhereAsked);
        Assert.Null(plan.ToAskerOnly);
        Assert.Null(plan.IfAskerOnlyUndeliverable);
        Assert.False(plan.IsUrgent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Urgent_guidance_is_marked_urgent_wherever_it_goes(bool inPublic)
    {
        var where = inPublic ? Place.PublicChannel(Platform) : Place.DirectMessage(Platform);

        var plan = Planner().Plan(WithSafety(urgent: true), where);

        Assert.True(plan.IsUrgent);
        Assert.Equal(inPublic, plan.ToAskerOnly is not null);
    }

    [Fact]
    public void The_public_setting_posts_safety_guidance_where_it_was_asked()
    {
        var reply = WithSafety(urgent: true);

        var plan = Planner(SafetyGuidanceDelivery.Public).Plan(reply, Place.PublicChannel(Platform));

        Assert.Same(reply, plan.WhereAsked);
        Assert.Null(plan.ToAskerOnly);
        Assert.True(plan.IsUrgent);
    }

    [Fact]
    public void A_direct_message_is_never_public()
    {
        Assert.False(Place.DirectMessage(Platform).IsPublic);
        Assert.True(Place.DirectMessage(Platform).IsDirectMessage);
        Assert.True(Place.PublicChannel(Platform).IsPublic);
        Assert.False(Place.AskerOnly(Platform).IsPublic);
        Assert.False(Place.AskerOnly(Platform).IsDirectMessage);
    }
}
