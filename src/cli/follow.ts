/**
 * The watch over a journal a CLI write replaced (followReplaced), in a process of its own: the
 * command exits at once, and this process holds the replaced file (passed as descriptor 3) until
 * no save into it can still be running, then applies the change again on top of such a save.
 */
import { spawn } from 'node:child_process';
import { close, fstat, read } from 'node:fs';
import { promisify } from 'node:util';
import { followReplaced, type Following, type HeldFile } from '../host/journal/write';
import { type CliIo } from './io';

/** The hidden command the watching process runs. */
export const FOLLOW_COMMAND = '__follow-replaced';
const HELD_FD = 3;

/** Starts the watching process and lets this one exit: the job goes by standard input, the replaced file as descriptor 3. */
export function followInBackground(script: string, following: Following): void {
  const { replaced, ...job } = following;
  const fd = (replaced as { fd?: number }).fd;
  try {
    if (fd === undefined) throw new Error('no descriptor to pass');
    const child = spawn(process.execPath, [script, FOLLOW_COMMAND], { detached: true, stdio: ['pipe', 'ignore', 'ignore', fd] });
    child.on('error', () => undefined);
    child.stdin?.end(JSON.stringify(job, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)), () => {
      child.unref();
      void replaced.close();
    });
  } catch {
    // Where a descriptor cannot be passed on, the write stands as it is, unwatched.
    void replaced.close();
  }
}

/** Runs in the watching process: reads the job, watches descriptor 3, and ends. */
export async function runFollow(io: CliIo): Promise<number> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const job = JSON.parse(input, (_key, value: unknown) => (typeof value === 'string' && /^\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value)) as Omit<Following, 'replaced'>;
  const held: HeldFile = {
    stat: () => promisify(fstat)(HELD_FD, { bigint: true }),
    read: (buffer, offset, length, position) => promisify(read)(HELD_FD, buffer, offset, length, position),
    close: () => promisify(close)(HELD_FD),
  };
  const outcome = await followReplaced({ ...job, replaced: held });
  if (outcome.kind === 'keptAside') io.err(`growth-journal: ${outcome.message}\n`);
  return 0;
}
