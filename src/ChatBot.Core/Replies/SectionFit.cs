namespace ChatBot.Core.Replies;

/// <summary>What a renderer may do to a section to fit a platform's limits.</summary>
public enum SectionFit
{
    /// <summary>Shown whole, whatever the limits: the safety guidance, the caveats and the doctor advice.</summary>
    Fixed,

    /// <summary>May be shortened, or left out when there is no room.</summary>
    Trimmable,
}
