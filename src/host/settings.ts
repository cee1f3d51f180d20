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
