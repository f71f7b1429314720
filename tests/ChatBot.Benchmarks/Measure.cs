using System.Diagnostics;
using System.Globalization;

namespace ChatBot.Benchmarks;

/// <summary>Small timing helpers shared by the benchmarks.</summary>
public static class Measure
{
    public static double Milliseconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string PeakRss()
    {
        using var self = Process.GetCurrentProcess();
        return $"{self.PeakWorkingSet64 / (1024 * 1024)} MB";
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
}
