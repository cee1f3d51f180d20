import * as vscode from 'vscode';
import { profileProblem, targetLevelChoices } from '../../core/journal';
import { levelName, levelRank } from '../../core/rubric/rubric';
import { guarded, type Services } from '../../host/services';
import { availableRubrics, type RubricChoice, switchJournalTo } from '../../host/ui/rubricSwitch';
import { completeWalkthroughStep } from '../../host/ui/walkthrough';

/**
 * Set Current and Target Level: stored in the journal's `profile`, comments kept. Levels belong to
 * a ladder, so when the workspace offers more than one the ladder comes first (Enter keeps the one
 * in use; another is switched to through Switch Rubric's plan before its levels are offered).
 */
export function registerProfile(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.setProfile',
      guarded(services, async () => {
        if (!(await chooseLadder(context.extensionUri, services))) return;
        const snapshot = await services.store.snapshot();
        if (!snapshot.rubric) throw new Error('The rubric could not be loaded, so there are no levels to choose from. See the Problems panel.');
        const { rubric } = snapshot;
        const profile = snapshot.journal?.profile ?? {};
        const currentLevel = await services.prompts.pickLevel(rubric, { title: 'Your Current Level', suggested: profile.currentLevel ?? rubric.levels[0].id, ...profile });
        if (!currentLevel) return;
        // A target is the current level or one above it (core's rule): lower ones are not offered.
        const choices = targetLevelChoices(rubric, currentLevel);
        const next = choices[Math.min(1, choices.length - 1)];
        const targetLevel = await services.prompts.pickLevel(rubric, {
          title: 'Your Target Level',
          suggested: profile.targetLevel && choices.includes(profile.targetLevel) ? profile.targetLevel : next,
          currentLevel,
          only: choices,
          placeHolder: `The level you are working toward: ${levelName(rubric, currentLevel)} or above`,
        });
        if (!targetLevel) return;
        const problem = profileProblem(rubric, { currentLevel, targetLevel });
        if (problem) throw new Error(problem);
        await services.store.setProfile({ currentLevel, targetLevel });
        completeWalkthroughStep('profile');
        const same = levelRank(rubric, currentLevel) === levelRank(rubric, targetLevel);
        void services.prompts.info(same ? `Profile set: ${levelName(rubric, currentLevel)}, growing within that level.` : `Profile set: ${levelName(rubric, currentLevel)}, working toward ${levelName(rubric, targetLevel)}.`);
      }),
    ),
  );
}

/** Offers the ladder when there is more than one; false when cancelled, or when the switch was not made. */
async function chooseLadder(extensionUri: vscode.Uri, services: Services): Promise<boolean> {
  const location = services.store.journalLocation();
  if (!location) return true;
  const choices = await availableRubrics(extensionUri, location.folder);
  if (choices.length < 2) return true;
  const snapshot = await services.store.snapshot();
  const current = snapshot.journal?.rubric ?? (snapshot.settings.rubric || 'product-security');
  // The ladder in use comes first, so Enter keeps it.
  const ordered = [...choices.filter((c) => c.ref === current), ...choices.filter((c) => c.ref !== current)];
  const picked = await services.prompts.pick<RubricChoice>(
    'Your Ladder',
    'The ladder your levels are on (Enter keeps the one in use)',
    ordered.map((c) => ({ label: c.rubric.name, description: [c.ref, `${c.rubric.levels.length} levels`, ...(c.ref === current ? ['in use'] : [])].join(' · '), value: c })),
  );
  if (!picked) return false;
  return picked.ref === current || switchJournalTo(services, picked);
}
