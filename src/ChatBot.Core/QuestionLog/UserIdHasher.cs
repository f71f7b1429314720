using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.QuestionLog;

/// <summary>
/// HMAC-SHA256 of "platform:user id" under a secret key, so the log can count people without holding an
/// id that anyone could look up. Without a configured key a random one lives in memory only: safer than
/// a key stored next to the data, at the cost of hashes that change on restart.
/// </summary>
public sealed partial class UserIdHasher
{
    private readonly byte[] _key;

    public UserIdHasher(IOptions<QuestionLogOptions> options, ILogger<UserIdHasher> logger)
    {
        var configured = options.Value.UserIdKey;
        if (string.IsNullOrEmpty(configured))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogNoKey(logger, QuestionLogOptions.Section + ":UserIdKey", QuestionLogOptionsValidator.MinimumKeyLength);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(configured);
        }
    }

    public string? Hash(string platform, string? userId) =>
        string.IsNullOrEmpty(userId)
            ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(platform + ":" + userId)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: user ids are hashed with a random key kept in memory, so the same person is not recognised after a restart or across instances. Set it to a secret of at least {Length} characters.")]
    private static partial void LogNoKey(ILogger logger, string setting, int length);
}
