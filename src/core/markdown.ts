/** Escaping user text for Markdown, so a title can never become a link, heading or HTML. */

export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** A link, only for http(s) URLs; anything else is shown as escaped text. */
export function mdLink(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return mdText(label);
  // Characters that would end or break a Markdown link destination are percent-encoded.
  return `[${mdText(label)}](${url.replace(/[<>()\s]/g, encodeURIComponent)})`;
}

/** A link to a file relative to the Markdown file; the path is percent-encoded, never raw. */
export function mdFileLink(label: string, relativePath: string): string {
  const [path, fragment] = relativePath.split('#');
  const encoded = path.split('/').map((seg) => (seg === '..' ? seg : encodeURIComponent(seg))).join('/');
  return `[${mdText(label)}](${encoded}${fragment ? `#${fragment}` : ''})`;
}
