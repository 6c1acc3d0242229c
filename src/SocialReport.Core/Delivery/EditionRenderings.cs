using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SocialReport.Core.Cards;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Delivery;

/// <summary>
/// What a sender renders of an edition for one group of readers (language, mode and <see cref="EditionCut.GroupKey"/>:
/// readers alike in these get the same messages), kept while the edition object lives. A broadcast then renders once
/// per group instead of once per reader; what is rendered must not depend on anything else of the chat.
/// </summary>
public sealed class EditionRenderings<T>
    where T : class
{
    /// <summary>Readers following many different topic sets make many groups: past this many the rest is rendered each time.</summary>
    private const int MostGroupsPerEdition = 1024;

    private readonly ConditionalWeakTable<Edition, ConcurrentDictionary<string, T>> _byEdition = [];

    public T GetOrRender(EditionCut cut, string language, DeliveryMode mode, Func<T> render)
    {
        var groups = _byEdition.GetValue(cut.Edition, _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
        var key = $"{language}|{mode}|{cut.GroupKey}";
        if (groups.TryGetValue(key, out var rendered)) return rendered;
        rendered = render();
        if (groups.Count < MostGroupsPerEdition) groups.TryAdd(key, rendered);
        return rendered;
    }
}
