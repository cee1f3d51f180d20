import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildCompareModel, type CompareModel } from '../../core/compareModel';
import { localIsoDate } from '../../core/dates';
import { parseWebviewMessage, type CompareMode, type HostMessage, type PeriodKey } from '../../shared/protocol';
import { type JournalSnapshot } from '../../host/journalStore';
import { guarded, type Services } from '../../host/services';
import { completeWalkthroughStep } from '../../host/walkthrough';

const VIEW_TYPE = 'growthJournal.compare';
const PERIOD_KEY = 'growthJournal.comparePeriod';
const MODE_KEY = 'growthJournal.compareMode';

/** What the integration tests observe of the panel. */
export interface ComparePanelProbe {
  /** Resolves with the model sent after the webview's next ready handshake. */
  nextHandshake(): Promise<CompareModel>;
}

/** Compare Levels: one panel, reused, restored after a reload, live with the journal and settings. */
export function registerCompare(context: vscode.ExtensionContext, services: Services): ComparePanelProbe {
  let panel: vscode.WebviewPanel | undefined;
  let ready = false;
  let pendingReveal: string | undefined;
  const handshakes: ((model: CompareModel) => void)[] = [];
  const roots = [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')];

  const post = (message: HostMessage) => void panel?.webview.postMessage(message);
  const period = () => context.workspaceState.get<PeriodKey>(PERIOD_KEY, 'quarter');
  const mode = () => context.workspaceState.get<CompareMode>(MODE_KEY, 'levels');

  const modelFor = (snapshot: JournalSnapshot): CompareModel | undefined => {
    if (!snapshot.rubric) return undefined;
    const notice =
      snapshot.status === 'journalError'
        ? 'The journal has errors (see the Problems panel), so no evidence is shown.'
        : snapshot.status === 'noJournal'
          ? 'No journal yet: tag a commit or add a note and your evidence appears here.'
          : undefined;
    return buildCompareModel(snapshot.rubric, snapshot.journal, { period: period(), mode: mode(), today: localIsoDate(new Date()), fiscalStartMonth: snapshot.settings.fiscalYearStartMonth, ...(notice ? { notice } : {}) });
  };

  const refresh = async () => {
    if (!panel || !ready) return;
    const snapshot = await services.store.snapshot();
    const model = modelFor(snapshot);
    if (!model) {
      panel.webview.html = page(panel.webview, 'The rubric could not be loaded. The Problems panel says why.');
      return;
    }
    post({ type: 'model', model });
    if (pendingReveal) post({ type: 'reveal', dimensionId: pendingReveal });
    pendingReveal = undefined;
    return model;
  };

  const adopt = (p: vscode.WebviewPanel) => {
    panel = p;
    ready = false;
    p.webview.options = { enableScripts: true, localResourceRoots: roots };
    p.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'growth.svg');
    p.webview.html = page(p.webview);
    p.onDidDispose(() => (panel = undefined), null, context.subscriptions);
    p.webview.onDidReceiveMessage(
      guarded(services, async (raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (!message) return; // not one of ours: ignored
        switch (message.type) {
          case 'ready': {
            ready = true;
            const model = await refresh();
            if (model) handshakes.splice(0).forEach((resolve) => resolve(model));
            break;
          }
          case 'openEntry':
            await vscode.commands.executeCommand('growthJournal.openEntry', message.entryId);
            break;
          case 'openEntryInJournal':
            await vscode.commands.executeCommand('growthJournal.openEntryInJournal', message.entryId);
            break;
          case 'setPeriod':
            await context.workspaceState.update(PERIOD_KEY, message.period);
            await refresh();
            break;
          case 'setMode':
            // The webview has already redrawn; the mode is kept for the next time the panel opens.
            await context.workspaceState.update(MODE_KEY, message.mode);
            break;
          case 'tagDimension':
            await vscode.commands.executeCommand('growthJournal.tagForDimension', message.dimensionId);
            break;
        }
      }),
      null,
      context.subscriptions,
    );
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('growthJournal.compareLevels', (arg?: unknown) => {
      const dimensionId = typeof arg === 'string' ? arg : (arg as { view?: { dimension?: { id?: string } } } | undefined)?.view?.dimension?.id;
      if (panel) {
        panel.reveal();
        if (dimensionId) post({ type: 'reveal', dimensionId });
        return;
      }
      pendingReveal = dimensionId;
      adopt(vscode.window.createWebviewPanel(VIEW_TYPE, 'Compare Levels', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: roots }));
      // Opened by the person, not restored at start-up: that is when the step is done.
      completeWalkthroughStep('compare');
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (restored) => adopt(restored),
    }),
    services.store.onDidChange(() => void refresh()),
    vscode.window.onDidChangeActiveColorTheme(() => void refresh()),
  );

  return { nextHandshake: () => new Promise((resolve) => handshakes.push(resolve)) };
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
