using ChatBot.Core.Answering;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Answering;

/// <summary>Instances that reach the same outcome on the same files agree on the report's fingerprint, whenever they reloaded.</summary>
public sealed class ReloadReportFingerprintTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_version_going_live_has_one_fingerprint_whatever_each_instance_served_before()
    {
        var first = new ReloadReport(true, "v3", "v2", 40, [], TimeSpan.FromMilliseconds(80), Noon);
        var later = new ReloadReport(true, "v3", "v1", 40, [], TimeSpan.FromMilliseconds(95), Noon.AddMinutes(2));

        Assert.Equal(first.Fingerprint, later.Fingerprint);
        Assert.NotEqual(first.Fingerprint, (first with { ServingVersion = "v4" }).Fingerprint);
    }

    [Fact]
    public void A_refused_edit_is_told_apart_by_its_errors_not_by_where_the_folder_lives()
    {
        var here = new ReloadReport(false, "v2", "v2", 40, [new KnowledgeError("/srv/a/knowledge/faq.yaml", 12, "entries[3].answer", "empty")], TimeSpan.Zero, Noon);
        var there = new ReloadReport(false, "v2", "v2", 40, [new KnowledgeError("/srv/b/knowledge/faq.yaml", 12, "entries[3].answer", "empty")], TimeSpan.Zero, Noon.AddSeconds(3));
        var otherError = new ReloadReport(false, "v2", "v2", 40, [new KnowledgeError("/srv/a/knowledge/faq.yaml", 14, "entries[3].answer", "empty")], TimeSpan.Zero, Noon);

        Assert.Equal(here.Fingerprint, there.Fingerprint);
        Assert.NotEqual(here.Fingerprint, otherError.Fingerprint);
        Assert.NotEqual(here.Fingerprint, new ReloadReport(true, "v2", "v1", 40, [], TimeSpan.Zero, Noon).Fingerprint);
    }
}
