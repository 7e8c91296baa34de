/**
 * How `npm start` runs the server (package.json's "start" says the same, and
 * tests/unit/start-command.test.ts checks that it does): TypeScript through
 * tsx's require hook only. `--import tsx` would also put tsx's ES-module
 * hooks in front of every `import()`, and Next imports its cache handler that
 * way on every request (measured: 8 % of a lesson page's CPU, each import a
 * round trip to the hooks' worker thread). The server's own code is CommonJS
 * to Node, so it needs no ES-module hooks; Next's build needs no tsx at all.
 */
export const startNodeArgs = ['--conditions=react-server', '--require', 'tsx/cjs'] as const;

/** The arguments after `node`: the start script run as `npm start` runs it. */
export const startCommandArgs = (startScript = 'scripts/start.ts') => [...startNodeArgs, startScript];
