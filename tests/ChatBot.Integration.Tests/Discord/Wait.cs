namespace ChatBot.Integration.Tests.Discord;

/// <summary>Polls a condition instead of sleeping a fixed time.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}
