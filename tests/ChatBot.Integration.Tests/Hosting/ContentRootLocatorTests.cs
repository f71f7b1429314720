using ChatBot.Host.Startup;

namespace ChatBot.Integration.Tests.Hosting;

public sealed class ContentRootLocatorTests : IDisposable
{
    private readonly string _top = Repository.TempFolder("chatbot-locate");

    public void Dispose() => Directory.Delete(_top, recursive: true);

    [Fact]
    public void Requested_folder_wins_and_is_taken_from_the_working_directory()
    {
        Assert.Equal(Path.Combine(_top, "mine"), ContentRootLocator.Find("mine", Executable(), _top));
    }

    [Fact]
    public void Executable_folder_holding_the_settings_is_the_root()
    {
        var executable = Executable();
        File.WriteAllText(Path.Combine(executable, ContentRootLocator.SettingsFile), "{}");
        File.WriteAllText(Path.Combine(_top, ContentRootLocator.SettingsFile), "{}");

        Assert.Equal(executable, ContentRootLocator.Find(null, executable, "/"));
    }

    [Fact]
    public void Nearest_folder_above_the_executable_holding_the_settings_is_the_root()
    {
        File.WriteAllText(Path.Combine(_top, ContentRootLocator.SettingsFile), "{}");

        Assert.Equal(_top, ContentRootLocator.Find(null, Executable(), "/"));
    }

    [Fact]
    public void Without_settings_anywhere_the_working_directory_is_the_root()
    {
        var executable = Path.Combine(Path.GetPathRoot(_top)!, "nonexistent-chatbot-folder", "bin");

        Assert.Equal(_top, ContentRootLocator.Find(null, executable, _top));
    }

    private string Executable()
    {
        var folder = Path.Combine(_top, "bin", "Release", "net10.0");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
