// Lines of a text by offsets, for readers and edits that work on the text itself (LineIndex, in problem.ts, turns offsets into line and column).

/** Where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the text of the line from `offset` ends: before its `\r\n` or `\n`, or at the text's end. */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > offset && text.charCodeAt(nl - 1) === 0x0d /* \r */ ? nl - 1 : nl;
}

/** Where the line after the one holding `offset` starts, or the text's end. */
export function nextLineStartOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
