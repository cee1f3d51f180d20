/**
 * The self-review as one bundle (dist/selfReview.js, built by esbuild.js): the document, its
 * merge with the user's words, and the language model's draft. The extension loads it on first
 * use (src/host/workspace/selfReview.ts), keeping dist/extension.js within its budget.
 */
export { buildReview, ReviewError, reviewLevel, reviewWords } from './review';
export { checkDraft, draftLines, draftPlan, draftPrompt, droppedText } from './reviewDraft';
