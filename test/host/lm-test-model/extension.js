// TEST ONLY: a language model whose answers a test scripts. Loaded beside Growth Journal in
// development mode by the integration suite and the UI check (test/host/server.js); the
// `languageModelChatProviders` contribution this needs lives in this manifest, never the shipped one.
'use strict';
const vscode = require('vscode');

/** Without a script: cite the first entry sent, then try an uncited claim, a link and HTML. */
function defaultReply(prompt) {
  const ids = [...prompt.matchAll(/^\[([^\]]+)\] \d{4}-\d{2}-\d{2}:/gm)].map((m) => m[1]);
  if (ids.length === 0) return 'I have nothing to cite.';
  return [
    `I took this on end to end and saw it through [${ids[0]}].`,
    ids[1] ? `It built on earlier work that others now reuse [${ids[1]}].` : '',
    'I was the best engineer in the company this quarter.',
    `See [the details](https://example.com/x) and <b>more</b> [${ids[0]}].`,
  ].filter(Boolean).join(' ');
}

function activate(context) {
  const lm = vscode.lm;
  // VS Code before 1.104 has no way for an extension to provide a model.
  if (typeof lm?.registerLanguageModelChatProvider !== 'function') return { available: false, requests: [], setScript() {} };
  let script = defaultReply;
  const requests = [];
  const model = { id: 'scripted', name: 'Scripted Test Model', family: 'scripted', version: '1', maxInputTokens: 100000, maxOutputTokens: 4000, capabilities: {} };
  context.subscriptions.push(
    lm.registerLanguageModelChatProvider('growth-test', {
      provideLanguageModelChatInformation: () => [model],
      async provideLanguageModelChatResponse(_model, messages, _options, progress) {
        const prompt = messages.map((m) => m.content.map((part) => (typeof part.value === 'string' ? part.value : '')).join('')).join('\n');
        requests.push(prompt);
        progress.report(new vscode.LanguageModelTextPart(await script(prompt)));
      },
      provideTokenCount: (_model, text) => Math.ceil((typeof text === 'string' ? text : JSON.stringify(text)).length / 4),
    }),
  );
  return {
    available: true,
    /** Every prompt received, in order. */
    requests,
    /** The reply for each prompt from now on; undefined puts the default back. */
    setScript(fn) {
      script = fn ?? defaultReply;
    },
  };
}

module.exports = { activate };
