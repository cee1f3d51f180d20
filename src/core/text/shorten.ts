const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` UTF-16 units with "…" after it, at a boundary between the
 * characters a reader sees: never half a surrogate pair (which UTF-8 cannot hold) nor half an
 * emoji sequence or accented letter.
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}…`;
}
