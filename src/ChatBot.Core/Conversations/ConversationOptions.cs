using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Conversations;

/// <summary>Follow-ups (section <c>Conversations</c>): how long a short message is read with the previous question.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    public bool FollowUps { get; set; } = true;

    /// <summary>A message this long after the bot's answer, from the same person in the same conversation, is a possible follow-up.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages of at most this many words are read as possible follow-ups.</summary>
    [Range(1, 30)]
    public int MaxFollowUpWords { get; set; } = 8;

    /// <summary>At most this many conversations are remembered; the oldest are forgotten first.</summary>
    [Range(10, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;
}
