import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GAP_STYLES, packetModel, PacketError, renderPacketHtml, type PacketInput } from '../../core/reports/packet';
import { parsePeriod, type Period, notAPeriod } from '../../core/time/periods';
import { levelName } from '../../core/rubric/rubric';
import { readTextFile, writeFileAtomic } from '../../host/workspace/files';
import { selfReview } from '../../host/workspace/selfReview';
import { pickPeriod } from '../../host/ui/periodPick';
import { guarded, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';

/** What the integration tests read back: the panel shown last and the HTML it was given. */
export interface PacketProbe {
  lastHtml(): string | undefined;
}

const ALL_TIME = 'all' as const;
/** Where packets are saved by default, inside the workspace folder: kept out of git by a .gitignore of its own. */
const PACKETS_FOLDER = '.growth/packets';
const PACKETS_GITIGNORE = '# Promotion packets are private: Growth Journal keeps them out of git.\n# Delete this file to commit them; it is made only with the folder.\n*\n';

/**
 * Makes the packets folder with a .gitignore that ignores everything in it, so a `git add .` never
 * takes a promotion packet. Only when it makes the folder: a .gitignore the user deleted stays deleted.
 */
async function keepOutOfGit(packets: vscode.Uri): Promise<void> {
  const exists = await vscode.workspace.fs.stat(packets).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await vscode.workspace.fs.createDirectory(packets);
  await writeFileAtomic(vscode.Uri.joinPath(packets, '.gitignore'), PACKETS_GITIGNORE, {});
}

/**
 * Build Promotion Packet…: the packet for a level and period, from core, shown beside the editor
 * in a webview that runs no script (the CSP allows only the packet's own style), then saved as
 * one self-contained HTML file if the user wants it.
 */
export function registerPacket(context: vscode.ExtensionContext, services: Services): PacketProbe {
  let panel: vscode.WebviewPanel | undefined;
  let shown: string | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.buildPacket',
      guarded(services, async (args?: unknown) => {
        const given = typeof args === 'object' && args !== null ? (args as { level?: unknown; period?: unknown; includePrivate?: unknown; gaps?: unknown }) : {};
        const gaps = GAP_STYLES.find((g) => g === given.gaps) ?? 'checklist';
        const input = await packetInput(services, given);
        if (!input) return;
        let model;
        try {
          model = packetModel(input);
        } catch (e) {
          if (e instanceof PacketError) throw new Error(`${e.message} Use Set Current and Target Level… to set one.`, { cause: e });
          throw e;
        }
        const title = `Promotion Packet: ${levelName(input.rubric, model.level)}${input.period ? ` (${input.period.label})` : ''}`;
        const nonce = randomBytes(16).toString('base64');
        panel ??= createPanel(() => (panel = undefined), context);
        panel.title = title;
        panel.webview.html = renderPacketHtml(model, { nonce, gaps });
        shown = panel.webview.html;
        panel.reveal(vscode.ViewColumn.Beside, true);
        const save = await services.prompts.info(`${title} is open beside the editor. Save it as an HTML file to share or print to PDF?`, 'Save…');
        if (save !== 'Save…') return;
        const folder = services.store.journalLocation()?.folder.uri;
        if (!folder) throw new Error('Open a folder first: packets are saved in its .growth/packets folder.');
        const packets = vscode.Uri.joinPath(folder, ...PACKETS_FOLDER.split('/'));
        const name = `promotion-packet-${model.level}${input.period ? `-${input.period.label.replace(/[^A-Za-z0-9-]+/g, '_')}` : ''}.html`;
        const target = await services.prompts.pickSaveFile({ defaultUri: vscode.Uri.joinPath(packets, name), filters: { HTML: ['html'] }, title: 'Save Promotion Packet' });
        if (!target) return;
        requireTrust();
        if (target.path.startsWith(`${packets.path}/`)) await keepOutOfGit(packets);
        await writeFileAtomic(target, renderPacketHtml(model, { gaps }), await services.store.snapshot());
        const choice = await services.prompts.info(`Saved ${vscode.workspace.asRelativePath(target)}. Open it in a browser and print to PDF for a clean document.`, 'Open', 'Reveal');
        if (choice === 'Open' && !(await vscode.env.openExternal(target))) await vscode.commands.executeCommand('vscode.open', target);
        if (choice === 'Reveal') await vscode.commands.executeCommand('revealInExplorer', target);
      }),
    ),
  );
  return { lastHtml: () => shown };
}

function createPanel(onDispose: () => void, context: vscode.ExtensionContext): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('growthJournal.packet', 'Promotion Packet', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
  const subscription = panel.onDidDispose(() => {
    subscription.dispose();
    onDispose();
  });
  context.subscriptions.push(panel);
  return panel;
}

/** The level, period and privacy: from the command's arguments where given, else asked. */
async function packetInput(services: Services, given: { level?: unknown; period?: unknown; includePrivate?: unknown }): Promise<PacketInput | undefined> {
  const snapshot = await services.store.snapshot();
  if (snapshot.status === 'noFolder') throw new Error('Open a folder first: the packet is made from the journal in the first workspace folder.');
  if (!snapshot.journal) throw new Error('There is no journal yet, so there is nothing to put in a packet. Tag some evidence first.');
  if (!snapshot.rubric) throw new Error('The rubric could not be loaded; see the Problems panel.');
  const { rubric, journal } = snapshot;
  const level =
    typeof given.level === 'string'
      ? given.level
      : await services.prompts.pickLevel(rubric, {
          title: 'Promotion Packet: Level',
          placeHolder: 'Which level is the packet for?',
          ...(journal.profile.targetLevel ? { suggested: journal.profile.targetLevel, targetLevel: journal.profile.targetLevel } : {}),
          ...(journal.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
        });
  if (!level) return undefined;
  let period: Period | undefined;
  if (typeof given.period === 'string') {
    period = given.period === ALL_TIME ? undefined : parsePeriod(given.period, snapshot.settings.fiscalYearStartMonth);
    if (given.period !== ALL_TIME && !period) throw new Error(notAPeriod(given.period));
  } else {
    const picked = await pickPeriod(services, snapshot, 'Promotion Packet: Period', [{ label: 'All evidence to date', description: 'every entry in the journal', value: ALL_TIME }]);
    if (picked === undefined) return undefined;
    period = picked === ALL_TIME ? undefined : picked;
  }
  let includePrivate = given.includePrivate === true;
  if (typeof given.includePrivate !== 'boolean' && journal.entries.some((e) => e.private)) {
    const choice = await services.prompts.pick('Promotion Packet: Private Entries', 'The journal has private entries', [
      { label: '$(lock) Leave private entries out', description: 'for a committee or manager', value: false },
      { label: '$(unlock) Include private entries', description: 'for your own preparation', value: true },
    ]);
    if (choice === undefined) return undefined;
    includePrivate = choice;
  }
  const words = period && snapshot.folder ? await reviewWordsOf(vscode.Uri.joinPath(snapshot.folder.uri, '.growth', 'reviews', `${period.label}.md`)) : undefined;
  return { rubric, journal, level, ...(period ? { period } : {}), includePrivate, journalLabel: snapshot.settings.journalPath, ...(words ? { words } : {}) };
}

/** The user's words per statement from the period's self-review, if there is one (Write Self-Review…). */
async function reviewWordsOf(uri: vscode.Uri): Promise<Map<string, string[]> | undefined> {
  const read = await readTextFile(uri);
  return read.kind === 'text' ? selfReview().reviewWords(read.text) : undefined;
}
