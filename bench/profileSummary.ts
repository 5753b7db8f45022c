/**
 * `node --import tsx bench/profileSummary.ts <file.cpuprofile> [top] [pattern …]`: the functions
 * with the most self time in a V8 CPU profile (as written by `npm run bench -- --cpu-prof`), the
 * same grouped by package or source file, and for each pattern (a regular expression on
 * `function file`) the inclusive time under the matching frames — enough to see where a server
 * spends its time without DevTools.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg, ...patterns] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: bench/profileSummary.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const m = /\/work\/[^/]+\/(.*)$/.exec(url) ?? /file:\/\/(.*)$/.exec(url);
  return m ? m[1]! : url;
};
const fn = new Map<string, number>();
const mod = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const name = `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  fn.set(name, (fn.get(name) ?? 0) + us);
  mod.set(where(n.callFrame.url), (mod.get(where(n.callFrame.url)) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms`;
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(v)}  ${k}\n`);
};
process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s\n`);
print('self time by function', fn);
print('self time by package / file', mod);

// inclusive time: self time of every node whose stack holds a frame matching the pattern
if (patterns.length > 0) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}`;
  process.stdout.write('\ninclusive time\n');
  for (const p of patterns) {
    const re = new RegExp(p);
    let us = 0;
    for (const [id, t] of self) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        if (re.test(label(byId.get(cur)!))) {
          us += t;
          break;
        }
      }
    }
    process.stdout.write(`${pct(us)}  ${p}\n`);
  }
}
