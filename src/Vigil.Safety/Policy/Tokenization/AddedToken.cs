namespace Vigil.Safety.Policy.Tokenization;

/// <summary>
/// A token matched as a whole before BPE (a tokenizer.json <c>added_tokens</c> entry): it always encodes to its single
/// id. <see cref="Special"/> tokens (chat markers, end of text) are dropped by decoding that skips special tokens.
/// </summary>
public sealed record AddedToken(int Id, string Content, bool Special = true);
