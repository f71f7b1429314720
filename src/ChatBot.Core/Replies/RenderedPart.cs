namespace ChatBot.Core.Replies;

/// <summary>A renderer's text for one section (or part of one), carrying the section's <see cref="SectionFit"/>.</summary>
public readonly record struct RenderedPart(string Text, SectionFit Fit)
{
    public bool IsFixed => Fit == SectionFit.Fixed;
}
