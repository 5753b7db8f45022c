// Preloaded into the stock server (`node --import ./bench/exitOnSignal.mjs …/server.js`): exits
// cleanly on SIGTERM/SIGINT so that `--cpu-prof` can write its profile. Changes nothing else.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
