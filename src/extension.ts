// Wiring only: build the adapters, register each feature, hand back disposables.
import * as vscode from 'vscode';
import { registerCompare, type ComparePanelProbe } from './features/compare';
import { registerEntries } from './features/entries';
import { registerRubrics, type LadderPreviewProbe } from './features/rubrics';
import { registerJournalCompletion } from './features/journalCompletion';
import { registerJournalFixes } from './features/journalFixes';
import { registerMarks } from './features/marks';
import { registerRewrittenCommits } from './features/rewrittenCommits';
import { registerPacket, type PacketProbe } from './features/packet';
import { registerProfile } from './features/profile';
import { registerReview } from './features/review';
import { registerStatus, type StatusProbe } from './features/status';
import { registerSummary } from './features/summary';
import { registerTrailers } from './features/trailers';
import { registerTagging } from './features/tagging';
import { registerTree } from './features/tree';
import { Git } from './host/git/repos';
import { JournalStore } from './host/journal/store';
import { VsCodePrompts, type Prompts } from './host/ui/prompts';
import { type Services } from './host/services';
import { ViewPeriodSetting } from './host/ui/viewPeriod';
import { openWalkthroughOnce } from './host/ui/walkthrough';
import { type RubricTreeProvider } from './features/tree/rubricTree';

/** Handed to the integration tests (only in test mode) so they can script the prompts. */
export interface TestApi {
  services: Services;
  tree: RubricTreeProvider;
  compare: ComparePanelProbe;
  packet: PacketProbe;
  status: StatusProbe;
  ladder: LadderPreviewProbe;
  /** How long activate() took, from its call to its return. */
  activationMs: number;
  /** Scripted prompts for a test; undefined puts the real ones back. */
  setPrompts(prompts: Prompts | undefined): void;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  const store = new JournalStore(context.extensionUri);
  const viewPeriod = new ViewPeriodSetting(context.workspaceState);
  const services: Services = { store, git: new Git((cwd, args) => store.runGit(cwd, args)), prompts: new VsCodePrompts(), workspaceState: context.workspaceState, viewPeriod };
  context.subscriptions.push(store, viewPeriod);
  const tree = registerTree(context, services);
  registerTagging(context, services);
  registerEntries(context, services);
  registerJournalFixes(context, services);
  registerMarks(context, services);
  registerRewrittenCommits(context, services);
  registerJournalCompletion(context, services);
  registerProfile(context, services);
  registerSummary(context, services);
  registerTrailers(context, services);
  const status = registerStatus(context, services);
  const compare = registerCompare(context, services);
  const packet = registerPacket(context, services);
  registerReview(context, services);
  const ladder = registerRubrics(context, services);
  openWalkthroughOnce(context);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  const real = services.prompts;
  return {
    services,
    tree,
    compare,
    packet,
    status,
    ladder,
    activationMs: performance.now() - started,
    setPrompts: (prompts) => {
      services.prompts = prompts ?? real;
    },
  };
}

export function deactivate(): void {}
