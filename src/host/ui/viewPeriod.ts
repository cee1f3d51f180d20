import * as vscode from 'vscode';
import { type ViewPeriodKey } from '../../core/time/periods';

const KEY = 'growthJournal.period';

/**
 * The period the Growth view and the status bar count evidence for, kept per workspace. One
 * setting shared by both, so the count in the status bar is always the one the tree shows.
 */
export class ViewPeriodSetting implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewPeriodKey>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    void this.publish();
  }

  get(): ViewPeriodKey {
    return this.state.get<ViewPeriodKey>(KEY, 'quarter');
  }

  async set(key: ViewPeriodKey): Promise<void> {
    await this.state.update(KEY, key);
    await this.publish();
    this.changed.fire(key);
  }

  /** The context key the view's title menu reads: which of its period actions applies. */
  private publish(): Thenable<unknown> {
    const key = this.get();
    return vscode.commands.executeCommand('setContext', KEY, key === 'quarter' || key === 'all' ? key : 'other');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
