namespace ChatBot.Testing.Slack;

/// <summary>
/// Reads one direction of a WebSocket connection as it passes a relay (the HTTP upgrade, then frames) and counts
/// the frames of each opcode, so a test can wait for pings or pongs instead of sleeping through a quiet spell.
/// </summary>
public sealed class WebSocketFrameCounter
{
    public const int Ping = 0x9;
    public const int Pong = 0xA;

    private readonly int[] _counts = new int[16];
    private readonly List<byte> _header = [];
    private int _endOfUpgrade;
    private long _payloadLeft;

    public int Count(int opcode) => Volatile.Read(ref _counts[opcode]);

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_endOfUpgrade < 4)
            {
                // The upgrade request or response ends with an empty line.
                _endOfUpgrade = b == (_endOfUpgrade % 2 == 0 ? (byte)'\r' : (byte)'\n') ? _endOfUpgrade + 1 : (b == '\r' ? 1 : 0);
                continue;
            }

            if (_payloadLeft > 0)
            {
                _payloadLeft--;
                continue;
            }

            _header.Add(b);
            if (HeaderLength() is { } length && _header.Count == length)
            {
                Interlocked.Increment(ref _counts[_header[0] & 0x0F]);
                _payloadLeft = PayloadLength();
                _header.Clear();
            }
        }
    }

    /// <summary>The frame header's length once its first two bytes are known.</summary>
    private int? HeaderLength()
    {
        if (_header.Count < 2)
        {
            return null;
        }

        var length = (_header[1] & 0x7F) switch { 126 => 4, 127 => 10, _ => 2 };
        return length + ((_header[1] & 0x80) != 0 ? 4 : 0);
    }

    private long PayloadLength()
    {
        var length7 = _header[1] & 0x7F;
        var extended = length7 switch { 126 => 2, 127 => 8, _ => 0 };
        long length = extended == 0 ? length7 : 0;
        for (var i = 0; i < extended; i++)
        {
            length = (length << 8) | _header[2 + i];
        }

        return length;
    }
}
