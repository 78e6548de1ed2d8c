/**
 * schema.org data of a public page the server writes (the business directory,
 * the LED page), for search engines: one `<script type="application/ld+json">`
 * in the head. `<` is escaped so that no text a person typed can close the
 * script element.
 */
export function jsonLdScript(data: unknown) {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
