namespace ChatBot.Discord.Gateway;

/// <summary>IDENTIFYs left today, when the budget resets, and how many IDENTIFYs may run per 5 s.</summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
