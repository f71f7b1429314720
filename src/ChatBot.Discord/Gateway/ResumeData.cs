namespace ChatBot.Discord.Gateway;

/// <summary>RESUME (op 6) data.</summary>
internal sealed record ResumeData(string Token, string SessionId, int Seq);
