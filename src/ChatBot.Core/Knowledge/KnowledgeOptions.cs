using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Knowledge;

/// <summary>Configuration section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge folder; relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "knowledge";

    /// <summary>
    /// Skip the start gate for a version that passed it on this machine with the same engine build and retrieval
    /// settings (recorded in <c>Retrieval:CachePath</c>; no record without one). <c>faq test</c> and
    /// <c>faq validate</c> always run it. The same setting keeps the safety patterns that passed the slow-pattern probe
    /// (<see cref="ProbedPatternRecord"/>).
    /// </summary>
    public bool RememberPassedGate { get; set; } = true;

    /// <summary>Watch the folder and serve valid edits without a restart.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet time after the last file event before reloading, so a save or a checkout gives one reload.</summary>
    [Range(0, 10_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 300;

    /// <summary>Checksum scan interval: the fallback where file events are unreliable (network and container mounts).</summary>
    [Range(100, 600_000)]
    public int ScanIntervalMilliseconds { get; set; } = 1000;
}
