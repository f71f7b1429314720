using ChatBot.Core.Answering;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Delivery;

/// <summary>
/// The one place that decides whether a reply goes public or private: a reply with safety guidance, asked
/// where others would see it, becomes a brief notice there and the full reply for the asker alone (unless
/// <see cref="DeliveryOptions.PublicSafetyGuidance"/> says otherwise). Everything else goes where it was asked.
/// </summary>
public sealed class DeliveryPlanner(IAnswerEngine engine, IOptions<DeliveryOptions> options)
{
    public DeliveryPlan Plan(Reply reply, Place where)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(where);
        if (!where.IsPublic || reply.Safety.Count == 0 || options.Value.SafetyGuidanceFor(where.Platform) == SafetyGuidanceDelivery.Public)
        {
            return new DeliveryPlan(reply, null, reply.HasUrgentSafety);
        }

        return new DeliveryPlan(engine.Notice(NoticeKind.SafetyGuidanceSentPrivately), reply, reply.HasUrgentSafety)
        {
            IfAskerOnlyUndeliverable = engine.Notice(NoticeKind.SafetyGuidanceUndeliverable),
        };
    }
}
