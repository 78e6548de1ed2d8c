/** A long word (a URL, an e-mail, a name without spaces) breaks anywhere rather than widening a card on a phone. */
export const wrap = { overflowWrap: 'anywhere' as const, minWidth: 0 };
