/**
 * Long work in core is written as a generator that yields between pieces ("steps"), so the
 * extension host can pause between them (src/host/ui/steps.ts) while the CLI and tests run
 * them straight through with this.
 */
/** Drives a step generator to its end without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
