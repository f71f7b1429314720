using ChatBot.Core.Operations;

namespace ChatBot.Core.Tests.Operations;

public sealed class FatalPlatformSignalTests
{
    [Fact]
    public async Task The_first_error_raised_is_the_one_reported()
    {
        var signal = new FatalPlatformSignal();
        Assert.False(signal.Raised.IsCompleted);

        signal.Raise(new FatalPlatformException("Slack", "first"));
        signal.Raise(new FatalPlatformException("Discord", "second"));

        var raised = await signal.Raised;
        Assert.Equal(("Slack", "first"), (raised.Platform, raised.Message));
    }
}
