/**
 * Runs what it is given one at a time, in the order given; a failure does not stop the next.
 * A journal's reads and changes take one such queue per thread that holds a session: the
 * worker's (src/host/journal/worker.ts) or the in-process engine's. See ARCHITECTURE.md.
 */
export function oneAtATime(): <T>(run: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}
