namespace ChatBot.Core.Replies;

/// <summary>One part of a reply, and whether a renderer may shorten it.</summary>
public sealed record ReplySection(ReplySectionKind Kind, SectionFit Fit)
{
    public bool IsFixed => Fit == SectionFit.Fixed;
}
