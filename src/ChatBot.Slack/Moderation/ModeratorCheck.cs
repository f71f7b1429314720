using System.Collections.Frozen;
using System.Text.Json;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Moderation;

/// <summary>
/// Who may run moderator commands: a configured user id, or a member of the configured user group
/// (<c>usergroups.users.list</c>, remembered for <see cref="SlackOptions.ModeratorGroupCacheDuration"/>).
/// When the group cannot be read, nobody qualifies through it: refusing is the safe failure.
/// </summary>
public sealed partial class ModeratorCheck
{
    private static readonly TimeSpan FailureRetryAfter = TimeSpan.FromSeconds(30);

    private readonly SlackApiClient _api;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModeratorCheck> _logger;
    private readonly FrozenSet<string> _userIds;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private FrozenSet<string> _groupMembers = FrozenSet<string>.Empty;
    private DateTimeOffset _groupExpires = DateTimeOffset.MinValue;
    private bool _failing;

    public ModeratorCheck(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<ModeratorCheck> logger)
    {
        _api = api;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _userIds = _options.ModeratorUserIds.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A moderator as far as it can be told without asking Slack: listed in <c>ModeratorUserIds</c>, or a member
    /// of the group as last read. For the fair-use exemption, which runs on every message and must never wait
    /// on the Web API; a group not read yet exempts nobody.
    /// </summary>
    public bool IsKnownModerator(string? userId) =>
        !string.IsNullOrEmpty(userId) && (_userIds.Contains(userId) || Volatile.Read(ref _groupMembers).Contains(userId));

    public async Task<bool> IsModeratorAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        if (_userIds.Contains(userId))
        {
            return true;
        }

        return !string.IsNullOrEmpty(_options.ModeratorUserGroupId)
            && (await GroupMembersAsync(_options.ModeratorUserGroupId, cancellationToken).ConfigureAwait(false)).Contains(userId);
    }

    private async Task<FrozenSet<string>> GroupMembersAsync(string group, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (now < _groupExpires)
            {
                return _groupMembers;
            }

            var (members, error) = await FetchAsync(group, cancellationToken).ConfigureAwait(false);
            if (members is null)
            {
                if (!_failing)
                {
                    LogGroupLookupFailed(group, error);
                }

                _failing = true;
                _groupMembers = FrozenSet<string>.Empty;
                _groupExpires = now + FailureRetryAfter;
                return _groupMembers;
            }

            if (_failing)
            {
                LogGroupLookupRecovered(group);
            }

            _failing = false;
            _groupMembers = members;
            _groupExpires = now + _options.ModeratorGroupCacheDuration;
            return members;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<(FrozenSet<string>? Members, string? Error)> FetchAsync(string group, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _api.CallFormAsync("usergroups.users.list", new Dictionary<string, string> { ["usergroup"] = group }, cancellationToken).ConfigureAwait(false);
            if (!response.Ok)
            {
                return (null, response.Error);
            }

            if (!response.Root.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
            {
                return (null, "no users array in the answer");
            }

            return (users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToFrozenSet(StringComparer.Ordinal), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or SlackTransientException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: cannot read moderator user group {Group} ({Error}); its members are refused moderator commands until it can be read. Check Slack:ModeratorUserGroupId and the usergroups:read scope.")]
    private partial void LogGroupLookupFailed(string group, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: moderator user group {Group} readable again.")]
    private partial void LogGroupLookupRecovered(string group);
}
