using System.Collections.Concurrent;
using ChatBot.Core.Answering;
using ChatBot.Core.Coordination;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Moderation;
using ChatBot.Core.Operations;
using ChatBot.Core.Replies;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Moderation;

public sealed class ModeratorChannelNotifierTests
{
    private readonly FatalPlatformSignal _fatal = new();
    private readonly SingleInstanceCoordination _coordination = new(TimeProvider.System);

    private static ReloadReport Rejected(DateTimeOffset at) =>
        new(false, "v1", "v1", 30, [new KnowledgeError("faq/a.yaml", 3, "answer", "is empty")], TimeSpan.FromMilliseconds(5), at);

    private static ReloadReport Applied(string serving, string previous) =>
        new(true, serving, previous, 30, [], TimeSpan.FromMilliseconds(5), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_rejected_edit_is_posted_to_every_configured_channel_as_a_reply_with_the_caveats()
    {
        var discord = new RecordingChannel("Discord", "111");
        var slack = new RecordingChannel("Slack", "C0MOD");

        await Notifier(discord, slack).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch), CancellationToken.None);

        foreach (var channel in new[] { discord, slack })
        {
            var (notice, _) = Assert.Single(channel.Posts);
            Assert.Contains("faq/a.yaml:3: answer: is empty", notice.Text, StringComparison.Ordinal);
            Assert.NotEmpty(notice.Caveats);
            Assert.NotEmpty(notice.DoctorAdvice);
        }
    }

    [Fact]
    public async Task A_reload_that_changed_nothing_is_not_posted_and_a_new_version_is()
    {
        var channel = new RecordingChannel("Slack", "C0MOD");
        var notifier = Notifier(channel);

        await notifier.NotifyAsync(Applied("v1", "v1"), CancellationToken.None);
        Assert.Empty(channel.Posts);

        await notifier.NotifyAsync(Applied("v2", "v1"), CancellationToken.None);
        Assert.Contains("Knowledge v2 is live", Assert.Single(channel.Posts).Notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_without_an_id_gets_nothing()
    {
        var unset = new RecordingChannel("Discord", null);
        var empty = new RecordingChannel("Slack", "");

        await Notifier(unset, empty).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Empty(unset.Posts);
        Assert.Empty(empty.Posts);
    }

    [Fact]
    public async Task The_same_outcome_reached_again_is_posted_once_per_channel()
    {
        // Two instances sharing the coordination reload the same files a minute apart.
        var channel = new RecordingChannel("Discord", "111");
        var otherInstance = new RecordingChannel("Discord", "111");

        await Notifier(channel).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch), CancellationToken.None);
        await Notifier(otherInstance).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch.AddMinutes(1)), CancellationToken.None);

        Assert.Single(channel.Posts);
        Assert.Empty(otherInstance.Posts);
    }

    [Fact]
    public async Task Each_report_has_its_own_post_id_and_the_same_one_every_time_it_is_posted()
    {
        var channel = new RecordingChannel("Discord", "111");
        var first = Rejected(DateTimeOffset.UnixEpoch);

        await Notifier(channel).NotifyAsync(first, CancellationToken.None);
        await Notifier(channel).NotifyAsync(Applied("v2", "v1"), CancellationToken.None);
        await new ModeratorChannelNotifier([channel], Engine, new SingleInstanceCoordination(TimeProvider.System), _fatal, NullLogger<ModeratorChannelNotifier>.Instance)
            .NotifyAsync(first, CancellationToken.None);

        var ids = channel.Posts.Select(p => p.PostId).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
    }

    [Fact]
    public async Task A_failed_post_is_not_thrown_and_the_other_channels_are_still_told()
    {
        var failing = new RecordingChannel("Discord", "111", new HttpRequestException("unreachable"));
        var slack = new RecordingChannel("Slack", "C0MOD");

        await Notifier(failing, slack).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Single(slack.Posts);
        Assert.False(_fatal.Raised.IsCompleted);
    }

    [Fact]
    public async Task A_fatal_platform_error_while_posting_is_raised_for_the_host()
    {
        var revoked = new FatalPlatformException("Slack", "token_revoked");
        var channel = new RecordingChannel("Slack", "C0MOD", revoked);

        await Notifier(channel).NotifyAsync(Rejected(DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Same(revoked, await _fatal.Raised.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static IAnswerEngine Engine => TestKnowledge.Engine(RetrievalMode.Lexical);

    private ModeratorChannelNotifier Notifier(params IModeratorChannel[] channels) =>
        new(channels, Engine, _coordination, _fatal, NullLogger<ModeratorChannelNotifier>.Instance);

    private sealed class RecordingChannel(string platform, string? channelId, Exception? failure = null) : IModeratorChannel
    {
        public ConcurrentQueue<(Reply Notice, string PostId)> Posts { get; } = new();

        public string Platform => platform;

        public string? ChannelId => channelId;

        public Task PostAsync(Reply notice, string postId, CancellationToken cancellationToken)
        {
            if (failure is not null)
            {
                throw failure;
            }

            Posts.Enqueue((notice, postId));
            return Task.CompletedTask;
        }
    }
}
