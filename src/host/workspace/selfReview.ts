import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as SelfReviewModule from '../../core/reports/selfReview';

type SelfReview = typeof SelfReviewModule;

let loaded: SelfReview | undefined;

/**
 * The self-review's core from its own bundle, beside this one in dist/ (esbuild.js builds it):
 * only a person who writes a review needs it, so it stays out of dist/extension.js.
 */
export function selfReview(): SelfReview {
  const bundle = join(__dirname, 'selfReview.js');
  loaded ??= createRequire(bundle)(bundle) as SelfReview;
  return loaded;
}
