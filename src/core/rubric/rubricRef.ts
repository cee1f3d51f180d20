/** The rubrics that ship with Growth Journal, by id; each is `rubric/<id>.yaml` in the package. */
export const BUNDLED_RUBRICS = ['product-security'] as const;
const DEFAULT_RUBRIC = 'product-security';

export type RubricRef = { kind: 'bundled'; id: string } | { kind: 'path'; path: string };

/** A journal's `rubric:` value: a bundled id, or otherwise a path to a rubric file. */
export function rubricRef(value: string | undefined): RubricRef {
  const ref = value?.trim() || DEFAULT_RUBRIC;
  return (BUNDLED_RUBRICS as readonly string[]).includes(ref) ? { kind: 'bundled', id: ref } : { kind: 'path', path: ref };
}
