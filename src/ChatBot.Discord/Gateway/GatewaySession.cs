namespace ChatBot.Discord.Gateway;

/// <summary>What a shard needs to RESUME: session id, resume URL and the last sequence number seen.</summary>
internal sealed class GatewaySession
{
    private int _sequence = -1;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public int? Sequence => _sequence < 0 ? null : Volatile.Read(ref _sequence);

    public bool CanResume => SessionId is not null && ResumeUrl is not null && _sequence >= 0;

    public void Observe(int sequence)
    {
        if (sequence > _sequence)
        {
            Volatile.Write(ref _sequence, sequence);
        }
    }

    public void Start(string sessionId, string resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Volatile.Write(ref _sequence, -1);
    }
}
