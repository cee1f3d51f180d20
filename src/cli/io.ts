/** What a CLI command reads from and writes to: injected so tests run commands in-process. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Folder that holds the bundled `rubric/` folder. */
  packageRoot: string;
  today: Date;
}
