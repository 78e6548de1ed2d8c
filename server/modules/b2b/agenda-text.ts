/**
 * An agenda as text messages: the heading, then one meeting a line, cut into
 * parts that each fit one SMS. A message in the GSM 7-bit alphabet holds 160
 * characters; one with any other letter (Cyrillic, accents outside GSM) is
 * sent as UCS-2 and holds 70. Parts are numbered "1/3 " when there are several,
 * and a meeting is never cut in two unless it alone is longer than a part.
 */
const GSM = /^[A-Za-z0-9 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n]*$/;

export function smsLimit(text: string) {
  return GSM.test(text) ? 160 : 70;
}

export function agendaSms(heading: string, lines: readonly string[]): string[] {
  const limit = smsLimit([heading, ...lines].join('\n'));
  // Room for a "12/12 " prefix in every part.
  const room = limit - 6;
  const pieces = [heading, ...lines].flatMap((line) => {
    const cut: string[] = [];
    for (let i = 0; i < line.length; i += room) cut.push(line.slice(i, i + room));
    return cut.length ? cut : [''];
  });
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const next = current ? `${current}; ${piece}` : piece;
    if (next.length > room && current) {
      parts.push(current);
      current = piece;
    } else current = next;
  }
  if (current) parts.push(current);
  return parts.length > 1 ? parts.map((p, i) => `${i + 1}/${parts.length} ${p}`) : parts;
}
