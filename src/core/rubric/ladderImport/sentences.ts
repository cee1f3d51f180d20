/**
 * Splits ladder text into statements, one sentence each, word for word.
 *
 * Intl.Segmenter (ICU's Unicode sentence rules, built into Node and VS Code) does the work: it
 * already keeps `2.5`, `e.g., discussing`, `etc.) and`, closing quotes and brackets, `?`/`!` and
 * non-Latin full stops right, which a hand-made rule set would have to relearn one by one. It
 * cannot know two things a ladder needs, so a small rule set mends its output afterwards:
 * abbreviations that never end a sentence (`vs. Senior`, `e.g. Kafka`), and a "sentence" that
 * starts in lower case (`"why?" before acting`), which is the previous one going on.
 */

/** Abbreviations after which a capital letter does not start a sentence. `etc.` is not one: it often ends one. */
const NEVER_LAST = /(?:^|[\s(["'\u201c\u2018])(?:e\.g|i\.e|vs|v|cf|viz|approx|incl|esp|Mr|Mrs|Ms|Dr|Prof)\.$/i;
/** `No. 5`, `Fig. 2`: abbreviations that never end a sentence when a number follows. */
const BEFORE_NUMBER = /(?:^|\s)(?:No|Nos|Fig|p|pp|Vol|Sec|Ch)\.$/i;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence === '') continue;
    const previous = out[out.length - 1];
    const goesOn = previous !== undefined && (
      NEVER_LAST.test(previous) ||
      (BEFORE_NUMBER.test(previous) && /^\d/.test(sentence)) ||
      /^\p{Ll}/u.test(sentence)
    );
    if (goesOn) out[out.length - 1] = `${previous} ${sentence}`;
    else out.push(sentence);
  }
  return out;
}
