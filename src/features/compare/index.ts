import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildCompareModel, type CompareModel } from '../../core/reports/compareModel';
import { localIsoDate } from '../../core/time/dates';
import { parseWebviewMessage, type CompareMode, type HostMessage, type PeriodKey, type WebviewMessage } from '../../shared/protocol';
import { type JournalSnapshot } from '../../host/journal/store';
import { pickPeriod } from '../../host/ui/periodPick';
import { guarded, type Services } from '../../host/services';
import { completeWalkthroughStep } from '../../host/ui/walkthrough';

const VIEW_TYPE = 'growthJournal.compare';
const PERIOD_KEY = 'growthJournal.comparePeriod';
const MODE_KEY = 'growthJournal.compareMode';

/** What the integration tests observe of the panel. */
export interface ComparePanelProbe {
  /** Resolves with the model sent after the webview's next ready handshake. */
  nextHandshake(): Promise<CompareModel>;
  /** Resolves with the next model sent to the open panel, for whatever reason (a period chosen, the journal changed). */
  nextModel(): Promise<CompareModel>;
  /** Handles a message as if the webview had sent it (the webview's own clicks are the UI check's). */
  receive(message: WebviewMessage): Promise<void>;
}

interface PanelContext {
  services: Services;
  state: vscode.Memento;
  roots: vscode.Uri[];
  icon: vscode.Uri;
  /** Called with each model posted, and whether it answered a ready handshake. */
  onModel(model: CompareModel, handshake: boolean): void;
}

/**
 * One Compare Levels webview and everything it listens to: its own disposables (gone with the
 * panel, not left in the extension's subscriptions), a ready flag, and a queue of what was
 * posted before the webview said it was ready.
 */
class ComparePanel implements vscode.Disposable {
  private ready = false;
  /** Showing why there is nothing to compare (the rubric did not load): no script, so no handshake until it does. */
  private broken = false;
  private queue: HostMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** The webview's filter text: its models list the evidence holding it. */
  private search = '';

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: PanelContext,
    onDispose: () => void,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: ctx.roots };
    panel.iconPath = ctx.icon;
    panel.webview.html = page(panel.webview);
    this.disposables.push(
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      panel.webview.onDidReceiveMessage(guarded(ctx.services, (raw: unknown) => this.receive(parseWebviewMessage(raw)))),
      ctx.services.store.onDidChange(() => void this.refresh()),
      vscode.window.onDidChangeActiveColorTheme(() => void this.refresh()),
    );
  }

  /** Posts now if the webview is ready, else once it is (a reveal asked for while it loads is kept). */
  post(message: HostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  async receive(message: WebviewMessage | undefined): Promise<void> {
    if (!message) return; // not one of ours: ignored
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const model = await this.refresh(true);
        for (const queued of this.queue.splice(0)) void this.panel.webview.postMessage(queued);
        if (!model) this.queue = [];
        break;
      }
      case 'openEntry':
        await vscode.commands.executeCommand('growthJournal.openEntry', message.entryId);
        break;
      case 'openEntryInJournal':
        await vscode.commands.executeCommand('growthJournal.openEntryInJournal', message.entryId);
        break;
      case 'setPeriod':
        await this.ctx.state.update(PERIOD_KEY, message.period);
        await this.refresh();
        break;
      case 'choosePeriod': {
        const snapshot = await this.ctx.services.store.snapshot();
        const picked = await pickPeriod(this.ctx.services, snapshot, 'Compare Levels: Period', [{ label: 'All time', description: 'every entry in the journal', value: 'all' as const }]);
        // Cancelled: the select still shows the old period until the model says it again.
        if (picked) await this.ctx.state.update(PERIOD_KEY, picked === 'all' ? 'all' : picked.label);
        await this.refresh();
        break;
      }
      case 'setMode':
        // The webview has already redrawn; the mode is kept for the next time the panel opens.
        await this.ctx.state.update(MODE_KEY, message.mode);
        break;
      case 'tagDimension':
        await vscode.commands.executeCommand('growthJournal.tagForDimension', message.dimensionId);
        break;
      case 'editEntry':
        await vscode.commands.executeCommand('growthJournal.editEntry', message.entryId);
        break;
      case 'search':
        // The filter's text, kept for the models that follow: the evidence found is worked out here, by core.
        this.search = message.text;
        await this.refresh();
        break;
      case 'tagStatement':
        await vscode.commands.executeCommand('growthJournal.tagForStatement', message.ref);
        break;
    }
  }

  private async refresh(handshake = false): Promise<CompareModel | undefined> {
    if ((!this.ready && !this.broken) || this.disposed) return undefined;
    const snapshot = await this.ctx.services.store.snapshot();
    if (this.disposed) return undefined;
    const model = modelFor(snapshot, this.ctx.state, this.search);
    if (!model) {
      this.ready = false;
      this.broken = true;
      this.panel.webview.html = page(this.panel.webview, 'The rubric could not be loaded. The Problems panel says why.');
      return undefined;
    }
    if (this.broken) {
      // The rubric loads again: a fresh page, whose ready handshake brings the model.
      this.broken = false;
      this.panel.webview.html = page(this.panel.webview);
      return undefined;
    }
    void this.panel.webview.postMessage({ type: 'model', model } satisfies HostMessage);
    this.ctx.onModel(model, handshake);
    return model;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}

function modelFor(snapshot: JournalSnapshot, state: vscode.Memento, search: string): CompareModel | undefined {
  if (!snapshot.rubric) return undefined;
  const notice =
    snapshot.status === 'journalError'
      ? 'The journal has errors (see the Problems panel), so no evidence is shown.'
      : snapshot.status === 'noJournal'
        ? 'No journal yet: tag a commit or add a note and your evidence appears here.'
        : undefined;
  return buildCompareModel(snapshot.rubric, snapshot.journal, {
    period: state.get<PeriodKey>(PERIOD_KEY, 'quarter'),
    mode: state.get<CompareMode>(MODE_KEY, 'levels'),
    today: localIsoDate(new Date()),
    fiscalStartMonth: snapshot.settings.fiscalYearStartMonth,
    ...(notice ? { notice } : {}),
    search,
  });
}

/** Compare Levels: one panel, reused, restored after a reload, live with the journal and settings. */
export function registerCompare(context: vscode.ExtensionContext, services: Services): ComparePanelProbe {
  let current: ComparePanel | undefined;
  const handshakes: ((model: CompareModel) => void)[] = [];
  const models: ((model: CompareModel) => void)[] = [];
  const ctx: PanelContext = {
    services,
    state: context.workspaceState,
    roots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    icon: vscode.Uri.joinPath(context.extensionUri, 'media', 'growth.svg'),
    onModel: (model, handshake) => {
      if (handshake) handshakes.splice(0).forEach((resolve) => resolve(model));
      models.splice(0).forEach((resolve) => resolve(model));
    },
  };
  const adopt = (panel: vscode.WebviewPanel): ComparePanel => {
    current?.dispose();
    const controller = new ComparePanel(panel, ctx, () => {
      if (current === controller) current = undefined;
    });
    return (current = controller);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('growthJournal.compareLevels', (arg?: unknown) => {
      const dimensionId = typeof arg === 'string' ? arg : (arg as { view?: { dimension?: { id?: string } } } | undefined)?.view?.dimension?.id;
      if (current) current.panel.reveal();
      else {
        adopt(vscode.window.createWebviewPanel(VIEW_TYPE, 'Compare Levels', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: ctx.roots }));
        // Opened by the person, not restored at start-up: that is when the step is done.
        completeWalkthroughStep('compare');
      }
      if (dimensionId) current!.post({ type: 'reveal', dimensionId });
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (restored) => void adopt(restored),
    }),
    { dispose: () => current?.dispose() },
  );

  return {
    nextHandshake: () => new Promise((resolve) => handshakes.push(resolve)),
    nextModel: () => new Promise((resolve) => models.push(resolve)),
    receive: async (message) => {
      if (!current) throw new Error('Compare Levels is not open.');
      await current.receive(message);
    },
  };
}

/** The panel's HTML: a strict CSP, a fresh nonce for the one script, and no user text at all. */
function page(webview: vscode.Webview, message?: string): string {
  const nonce = randomBytes(16).toString('base64');
  const base = (webview.options.localResourceRoots ?? [])[0];
  const media = (webview.options.localResourceRoots ?? [])[1];
  const script = base ? webview.asWebviewUri(vscode.Uri.joinPath(base, 'compare.js')) : '';
  const style = media ? webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.css')) : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Compare Levels</title>
</head>
<body>
<main id="app">${message ? `<p class="notice">${message}</p>` : '<p>Loading the rubric…</p>'}</main>
${message ? '' : `<script nonce="${nonce}" src="${script}"></script>`}
</body>
</html>`;
}
