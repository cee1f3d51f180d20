import { type Following } from '../host/journal/write';

/** What a CLI command reads from and writes to: injected so tests run commands in-process. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Folder that holds the bundled `rubric/` folder. */
  packageRoot: string;
  today: Date;
  /**
   * Takes the watch over a journal a write replaced (see followReplaced); without it the watch
   * runs in this process, in the background (tests, which run commands in-process).
   */
  follow?(following: Following): void;
}
