using ChatBot.Core.Replies;

namespace ChatBot.Core.Delivery;

/// <summary>
/// What to send for one reply and where, decided by <see cref="DeliveryPlanner"/>. An adapter only carries it
/// out with its own send paths: <see cref="WhereAsked"/> in the channel, thread or DM of the question, and
/// <see cref="ToAskerOnly"/>, when there is one, by DM or ephemerally.
/// </summary>
/// <param name="WhereAsked">The reply itself, or the brief public notice that stands in for it.</param>
/// <param name="ToAskerOnly">The full reply for the asker alone; null when everything goes where it was asked.</param>
/// <param name="IsUrgent">It carries urgent safety guidance: sent ahead of ordinary replies still waiting.</param>
public sealed record DeliveryPlan(Reply WhereAsked, Reply? ToAskerOnly, bool IsUrgent)
{
    /// <summary>
    /// Shown where it was asked in place of <see cref="ToAskerOnly"/> when that cannot reach the asker (their DMs
    /// are closed): how to get the guidance, not what it is.
    /// </summary>
    public Reply? IfAskerOnlyUndeliverable { get; init; }
}
