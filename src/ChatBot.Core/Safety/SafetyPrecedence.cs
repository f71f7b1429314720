using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Safety;

/// <summary>
/// The one order in which raised red flags are acted on and shown. Self-harm comes first: a lethal-dose
/// question or hopelessness with a means gets the crisis line whatever else matches. Then an emergency
/// told by its symptoms, then having taken too much (poison help), then the warnings that stand above an
/// answer. Categories a moderator adds come after the known ones, in file order.
/// </summary>
public static class SafetyPrecedence
{
    public static readonly IReadOnlyList<string> Order = ["self_harm", "emergency", "ingestion", "pregnancy", "child", "kidney", "medication"];

    public static int Rank(SafetyCategory category)
    {
        var known = IndexOf(category.Id);
        return known >= 0 ? known : Order.Count + (category.Action == SafetyAction.Replace ? 0 : 1);
    }

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, SafetyCategory> category) =>
        items.OrderBy(i => category(i).Action == SafetyAction.Replace ? 0 : 1).ThenBy(i => Rank(category(i))).ToArray();

    private static int IndexOf(string id)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
