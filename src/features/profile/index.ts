import * as vscode from 'vscode';
import { levelName, levelRank } from '../../core/rubric';
import { guarded, type Services } from '../../host/services';

/** Set Current and Target Level: stored in the journal's `profile`, comments kept. */
export function registerProfile(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'growthJournal.setProfile',
      guarded(services, async () => {
        const snapshot = await services.store.snapshot();
        if (!snapshot.rubric) throw new Error('The rubric could not be loaded, so there are no levels to choose from. See the Problems panel.');
        const { rubric } = snapshot;
        const profile = snapshot.journal?.profile ?? {};
        const currentLevel = await services.prompts.pickLevel(rubric, { title: 'Your Current Level', suggested: profile.currentLevel ?? rubric.levels[0].id, ...profile });
        if (!currentLevel) return;
        const next = rubric.levels[Math.min(levelRank(rubric, currentLevel) + 1, rubric.levels.length - 1)].id;
        const targetLevel = await services.prompts.pickLevel(rubric, { title: 'Your Target Level', suggested: profile.targetLevel && levelRank(rubric, profile.targetLevel) >= levelRank(rubric, currentLevel) ? profile.targetLevel : next, currentLevel });
        if (!targetLevel) return;
        await services.store.setProfile({ currentLevel, targetLevel });
        void services.prompts.info(`Profile set: ${levelName(rubric, currentLevel)}, working toward ${levelName(rubric, targetLevel)}.`);
      }),
    ),
  );
}
