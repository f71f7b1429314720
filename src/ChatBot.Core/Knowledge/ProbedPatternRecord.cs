using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Answering;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The safety patterns that passed the slow-pattern probe on this machine, kept in the cache folder beside the passed
/// gates, so a start probes only the patterns it has not seen pass: the probe of a few thousand patterns cost about a
/// second of every start. The probe's result depends only on the pattern and on the regular-expression engine, so the
/// record names the runtime and is ignored under another. A file that cannot be read or written only means patterns
/// are probed again.
/// </summary>
public sealed class ProbedPatternRecord(string folder)
{
    private const string FileName = "patterns-probed.txt";

    private static readonly string Runtime = "runtime " + RuntimeInformation.FrameworkDescription;

    /// <summary>How many fingerprints the file held when last read or written.</summary>
    private int _read;

    private string RecordFile => Path.Combine(folder, FileName);

    /// <summary>What the record keeps of a pattern: its SHA-256, so the file holds no pattern text.</summary>
    public static string FingerprintOf(string pattern) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pattern)));

    /// <summary>Patterns recorded as passed are not probed again in this process.</summary>
    public void Load()
    {
        var lines = CacheFolderLines.Read(RecordFile);
        if (lines.Length == 0 || lines[0] != Runtime)
        {
            return;
        }

        SlowPatternProbe.RememberPassed(lines.Skip(1).Where(l => l.Length == 64));
        _read = lines.Length - 1;
    }

    /// <summary>Writes every pattern that passed in this process, when there are more than the record held.</summary>
    public void Save()
    {
        var passed = SlowPatternProbe.PassedFingerprints;
        if (passed.Count > _read && CacheFolderLines.Replace(RecordFile, [Runtime, .. passed.Order(StringComparer.Ordinal)]))
        {
            _read = passed.Count;
        }
    }
}
