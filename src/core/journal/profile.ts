import { levelName, levelRank, type Rubric } from '../rubric/rubric';

/** Where the engineer is and where they are heading, as level ids of the journal's rubric. */
export interface Profile {
  currentLevel?: string;
  targetLevel?: string;
}

/**
 * Why a profile cannot be set, or undefined when it can. A target below the current level is
 * refused: coverage would then count against a lower level and say nothing useful. The
 * extension's prompt and the CLI's `profile` command both ask this one function.
 */
export function profileProblem(rubric: Rubric, profile: Required<Profile>): string | undefined {
  const levels = rubric.levels.map((l) => l.id).join(', ');
  for (const key of ['currentLevel', 'targetLevel'] as const) {
    if (levelRank(rubric, profile[key]) < 0) return `"${profile[key]}" is not a level of ${rubric.name} (${levels}).`;
  }
  if (levelRank(rubric, profile.targetLevel) < levelRank(rubric, profile.currentLevel)) {
    return `The target level, ${levelName(rubric, profile.targetLevel)}, is below the current level, ${levelName(rubric, profile.currentLevel)}. Choose a target at or above ${levelName(rubric, profile.currentLevel)}: coverage counts evidence against the target.`;
  }
  return undefined;
}

/** The levels a target may be, given the current level: the current one and those above it. */
export function targetLevelChoices(rubric: Rubric, currentLevel: string): string[] {
  const from = Math.max(0, levelRank(rubric, currentLevel));
  return rubric.levels.slice(from).map((l) => l.id);
}
