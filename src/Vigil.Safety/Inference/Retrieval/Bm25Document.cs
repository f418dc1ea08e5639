namespace Vigil.Safety.Inference.Retrieval;

/// <summary>One retrievable passage: an id naming where it came from (file, paragraph or line) and its text.</summary>
public sealed record Bm25Document(string Id, string Text);

/// <summary>A search hit: the document and its BM25 score.</summary>
public sealed record Bm25Hit(Bm25Document Document, double Score);
