// Imported first by index.ts: creates the Mocha instance and defines describe/it before
// the bundled suites are evaluated.
import Mocha from 'mocha';

// GROWTH_TEST_GREP (a regular expression) runs only the matching tests, while working on some.
const grep = process.env.GROWTH_TEST_GREP;
export const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 2_000, ...(grep ? { grep } : {}) });
mocha.suite.emit('pre-require', globalThis, 'growth-journal-integration', mocha);
