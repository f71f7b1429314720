namespace ChatBot.Integration.Tests.Slack;

internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Knowledge => Path.Combine(Root(), "knowledge");
}
