// `npm run bench -- <name>`: domain (the default: clocks, guards, rule packs, documents), reads (the projection's
// reads at 100,000 cases), history (a case's history as it grows; also `npm run bench:history`), case-page (the
// case page with its live query over open cases), open-cases (what open cases cost a worker), commands (the
// commands against the floor), timer-storm (thousands of statutory clocks due at the same instant), projection
// (what projecting one step costs the worker).
const BENCHES: Record<string, string> = {
  domain: './run.js',
  reads: './reads.js',
  history: './history.js',
  'case-page': './case-page.js',
  'open-cases': './open-cases.js',
  commands: './commands.js',
  'timer-storm': './timer-storm.js',
  projection: './projection.js',
};
const name = process.argv[2] ?? 'domain';
const file = BENCHES[name];
if (!file) {
  console.error(`unknown benchmark "${name}"; one of: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
await import(file);
