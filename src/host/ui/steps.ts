/** Runs a step generator from core, pausing whenever a slice has used its time so the extension host keeps responding. */
export async function runStepsAsync<T>(steps: Generator<void, T>, sliceMs = 25): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
