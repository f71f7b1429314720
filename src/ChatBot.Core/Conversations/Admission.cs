using ChatBot.Core.Replies;

namespace ChatBot.Core.Conversations;

/// <summary>Fair use's word on one question: admitted, or refused with the notice to send (null: say nothing).</summary>
public sealed record Admission(bool Admitted, Reply? Refusal)
{
    public static Admission Yes { get; } = new(true, null);
}
