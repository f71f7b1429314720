namespace ChatBot.Core.Knowledge;

/// <summary>Reads <c>bot.yaml</c>: the standing caveat, the doctor advice, fallback messages and synonyms.</summary>
internal static class BotSettingsReader
{
    public static BotSettings? Read(string text, string file, List<KnowledgeError> errors)
    {
        var fields = YamlFile.ReadMapping(text, file, errors);
        if (fields is null)
        {
            return null;
        }

        fields.RejectUnknown("standing_caveat", "doctor_advice", "messages", "synonyms", "subject");
        var messages = fields.Mapping("messages");
        var settings = new BotSettings
        {
            StandingCaveat = fields.String("standing_caveat"),
            DoctorAdvice = fields.String("doctor_advice"),
            Messages = messages is null ? EmptyMessages : ReadMessages(messages),
            Synonyms = ReadSynonyms(fields),
            Subject = fields.String("subject", required: false),
        };
        return settings;
    }

    private static readonly BotMessages EmptyMessages = new()
    {
        NoAnswer = "", Clarify = "", Empty = "", Error = "", Refusal = "", About = "", FeedbackThanks = "", SafetySentPrivately = "", SafetyDirectMessagesClosed = "", EnglishOnly = "",
    };

    private static BotMessages ReadMessages(YamlFields messages)
    {
        messages.RejectUnknown("no_answer", "clarify", "empty", "error", "refusal", "about", "feedback_thanks", "safety_sent_privately", "safety_dms_closed", "english_only", "emergency_any_language",
            "rate_limited", "follow_up", "follow_up_sources", "follow_up_more", "read_in_english");
        var clarify = messages.String("clarify");
        if (clarify.Length > 0 && !(clarify.Contains("{0}", StringComparison.Ordinal) && clarify.Contains("{1}", StringComparison.Ordinal)))
        {
            messages.Error("clarify", "must contain {0} and {1} for the two candidate questions", messages.Node("clarify"));
        }

        var read = new BotMessages
        {
            NoAnswer = messages.String("no_answer"),
            Clarify = clarify,
            Empty = messages.String("empty"),
            Error = messages.String("error"),
            Refusal = messages.String("refusal"),
            About = messages.String("about"),
            FeedbackThanks = messages.String("feedback_thanks"),
            SafetySentPrivately = messages.String("safety_sent_privately"),
            SafetyDirectMessagesClosed = messages.String("safety_dms_closed"),
            EnglishOnly = messages.String("english_only"),
            EmergencyAnyLanguage = messages.String("emergency_any_language", required: false),
        };
        var rateLimited = Optional(messages, "rate_limited", "{0}");
        var followUp = Optional(messages, "follow_up", "{0}");
        var sources = Optional(messages, "follow_up_sources", "{0}");
        var more = Optional(messages, "follow_up_more", "{0}");
        var readInEnglish = Optional(messages, "read_in_english", "{0}");
        return read with
        {
            RateLimited = rateLimited ?? read.RateLimited,
            FollowUp = followUp ?? read.FollowUp,
            FollowUpSources = sources ?? read.FollowUpSources,
            FollowUpMore = more ?? read.FollowUpMore,
            ReadInEnglish = readInEnglish ?? read.ReadInEnglish,
        };
    }

    /// <summary>An optional message; when given it must hold <paramref name="placeholder"/>.</summary>
    private static string? Optional(YamlFields messages, string name, string placeholder)
    {
        var text = messages.String(name, required: false);
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains(placeholder, StringComparison.Ordinal))
        {
            messages.Error(name, $"must contain {placeholder}", messages.Node(name));
        }

        return text;
    }

    private static List<Synonym> ReadSynonyms(YamlFields fields)
    {
        if (fields.Node("synonyms") is null)
        {
            return [];
        }

        var synonyms = new List<Synonym>();
        foreach (var (item, _, _) in fields.Mappings("synonyms", 0))
        {
            item.RejectUnknown("term", "aliases");
            synonyms.Add(new Synonym(item.String("term"), item.Strings("aliases", 1)));
        }

        return synonyms;
    }
}
