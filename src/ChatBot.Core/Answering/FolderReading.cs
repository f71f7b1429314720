using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Answering;

/// <summary>The knowledge folder read as the reload gate would: the snapshot it would serve, or null and the errors that keep it out.</summary>
public sealed record FolderReading(KnowledgeSnapshot? Snapshot, KnowledgeLoadResult Result);
