using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Safety;

/// <summary>
/// Runs the safety patterns. They are built interpreted (building ~1,900 takes little time at start and
/// reload); a pattern run often enough to matter (the ones every message meets) is compiled in the
/// background and the compiled twin used from then on, so neither the start nor a reload waits for the
/// compiler and a one-shot process never pays for it. A bot on a platform, which runs for months, asks for every
/// pattern at start instead (<see cref="CompileSoon"/>). Interpreted and compiled match identically.
/// </summary>
internal static class PatternMatch
{
    /// <summary>
    /// Runs after which a pattern is worth compiling. Compiling and the JIT of the compiled code cost about 5 ms
    /// of CPU per pattern; the start's moderator tests (132 messages) must not reach it, or a one-shot
    /// <c>chatbot ask</c> pays for ~1,900 compiles (measured: 15 s of CPU instead of 6).
    /// </summary>
    internal const int CompileAfter = 2_000;

    private static readonly ConditionalWeakTable<Regex, HotPattern> Patterns = new();

    private static long _timeouts;

    /// <summary>Set on a thread while it runs a bulk check (<see cref="Uncounted{T}"/>), whose runs make no pattern hot.</summary>
    [ThreadStatic]
    private static bool _uncounted;

    /// <summary>How many pattern runs in this process were too slow to decide: a gate that met one is not remembered as passed.</summary>
    public static long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Whether the pattern matches; a pattern too slow to decide counts as a match, so a possible red flag is raised.</summary>
    public static bool IsMatch(Regex pattern, string text) => Decide(pattern, text) ?? true;

    /// <summary>
    /// Whether the pattern matches, or null when it is too slow to decide. The caller chooses the cautious side: a
    /// pattern that raises a flag counts as matched, one that would stop a flag (an <c>unless</c> concept) as not.
    /// </summary>
    public static bool? Decide(Regex pattern, string text)
    {
        var hot = Hot(pattern);
        if (CoreMisses(hot, text))
        {
            return false;
        }

        try
        {
            return hot.Next(text).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return null;
        }
    }

    /// <summary>
    /// Replaces every match, with the compiled twin once the pattern is compiled (negated statements are taken out
    /// of every message this way). A pattern too slow to decide leaves the text as it is, so its words are still read.
    /// </summary>
    public static string Replace(Regex pattern, string text, string replacement)
    {
        var hot = Hot(pattern);
        if (CoreMisses(hot, text))
        {
            return text;
        }

        try
        {
            return hot.Next(text).Replace(text, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            Interlocked.Increment(ref _timeouts);
            return text;
        }
    }

    /// <summary>
    /// Compiles patterns now, and the first tests of those that have one, on the background compiler, rather than once each has run <see cref="CompileAfter"/>
    /// times: a bot that runs for months pays the compile once at start instead of during its first burst.
    /// </summary>
    public static void CompileSoon(IEnumerable<Regex> patterns)
    {
        foreach (var pattern in patterns)
        {
            var hot = Hot(pattern);
            hot.CompileSoon();
            hot.First?.CompileSoon();
        }
    }

    /// <summary>
    /// Runs a bulk check whose pattern runs do not count towards compiling: the check of thousands of look-alikes at a
    /// start runs every pattern thousands of times once, and compiling all of them for it would cost a one-shot
    /// <c>chatbot ask</c> seconds of CPU and about 90 MB (measured: 15.6 s / 271 MB against 11.5 s / 179 MB, lexical,
    /// gate not remembered). Patterns compiled before are still used.
    /// </summary>
    public static T Uncounted<T>(Func<T> run)
    {
        var was = _uncounted;
        _uncounted = true;
        try
        {
            return run();
        }
        finally
        {
            _uncounted = was;
        }
    }

    private static HotPattern Hot(Regex pattern) => Patterns.GetValue(pattern, static p => new HotPattern(p, PatternCore.Of(p)));

    /// <summary>
    /// Whether the pattern without its opening lookbehinds (<see cref="PatternCore"/>) finds nothing, so the whole cannot
    /// match. The first test is itself compiled once it runs often; one too slow to decide leaves the whole to decide.
    /// </summary>
    private static bool CoreMisses(HotPattern hot, string text)
    {
        if (hot.First is not { } first)
        {
            return false;
        }

        try
        {
            return !first.Next(text).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether the pattern now runs as compiled code.</summary>
    internal static bool RunsCompiled(Regex pattern) =>
        Patterns.TryGetValue(pattern, out var hot) && hot.IsCompiled;

    /// <summary>Whether the pattern, and its first test when it has one, run as compiled code.</summary>
    internal static bool RunsCompiledWithCore(Regex pattern) =>
        Patterns.TryGetValue(pattern, out var hot) && hot.IsCompiled && hot.First?.IsCompiled != false;

    /// <summary>Whether the pattern has been made hot: compiled, or waiting for the compiler.</summary>
    internal static bool IsHot(Regex pattern) =>
        Patterns.TryGetValue(pattern, out var hot) && (hot.IsCompiled || hot.IsQueued);

    private static bool Warm(Regex compiled, string text)
    {
        try
        {
            return compiled.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <param name="core">The pattern's first test (<see cref="PatternCore"/>), run as a hot pattern of its own; null for none.</param>
    private sealed class HotPattern(Regex interpreted, Regex? core)
    {
        // A pattern a previous knowledge version made hot is compiled already: a reload starts with it.
        private Regex? _compiled = PatternCompiler.CompiledBefore(interpreted);
        private int _runs;
        private int _queued;

        /// <summary>The first test of the pattern (<see cref="PatternCore"/>), or null when it opens with no lookbehind.</summary>
        public HotPattern? First { get; } = core is null ? null : new HotPattern(core, null);

        public bool IsCompiled => Volatile.Read(ref _compiled) is not null;

        public bool IsQueued => Volatile.Read(ref _queued) == 1;

        public Regex Next(string text)
        {
            // An approximate count is enough (a lost increment only delays the compile), so no interlocked write.
            if (!_uncounted && _runs < CompileAfter && ++_runs == CompileAfter)
            {
                CompileLater(text);
            }

            return Volatile.Read(ref _compiled) ?? interpreted;
        }

        public void CompileSoon() => CompileLater(text: "");

        // Its own method: a lambda capturing the text inside Next would allocate its closure on every run.
        private void CompileLater(string text)
        {
            // Once: the count and a start-up request may both ask.
            if (Volatile.Read(ref _compiled) is not null || Interlocked.Exchange(ref _queued, 1) == 1)
            {
                return;
            }

            PatternCompiler.Enqueue(() =>
            {
                var compiled = PatternCompiler.Compile(interpreted);
                // The compiled code is JIT-compiled on its first run: do that here, not on an answer's thread.
                _ = PatternMatch.Warm(compiled, text);
                Volatile.Write(ref _compiled, compiled);
            });
        }
    }
}
