import * as vscode from 'vscode';

/** The extension's settings, read fresh each time so changes apply without a reload. */
export interface GrowthSettings {
  journalPath: string;
  rubric: string;
  fiscalYearStartMonth: number;
  summariesFolder: string;
}

export function readSettings(scope?: vscode.Uri): GrowthSettings {
  const config = vscode.workspace.getConfiguration('growthJournal', scope);
  const month = config.get<number>('fiscalYearStartMonth', 1);
  return {
    // Restricted Mode ignores workspace values of these (package.json restrictedConfigurations).
    journalPath: config.get<string>('journalPath', '.growth/journal.yaml') || '.growth/journal.yaml',
    rubric: config.get<string>('rubric', ''),
    fiscalYearStartMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
    summariesFolder: config.get<string>('summariesFolder', '.growth/summaries') || '.growth/summaries',
  };
}

/**
 * Extra author e-mails whose commits trailer import takes, besides git's user.email. From user
 * settings only: a workspace could otherwise name anyone's address (package.json gives the
 * setting application scope; reading the user value alone keeps that true here too).
 */
export function trailerAuthors(): string[] {
  const value = vscode.workspace.getConfiguration('growthJournal').inspect<unknown>('trailerAuthors')?.globalValue;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}
