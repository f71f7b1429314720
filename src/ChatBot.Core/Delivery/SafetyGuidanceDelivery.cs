namespace ChatBot.Core.Delivery;

/// <summary>Where a reply that carries safety guidance goes when it was asked where others would see the answer.</summary>
public enum SafetyGuidanceDelivery
{
    /// <summary>A brief notice where it was asked; the full reply only to the asker (a DM or an ephemeral message).</summary>
    Private,

    /// <summary>The full reply where it was asked.</summary>
    Public,
}
