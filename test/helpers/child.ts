import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PlenaryChild {
  proc: ChildProcess;
  url: string;
  wsUrl: string;
  /** invite tokens printed at start, by `chair`, `observer` or delegation id */
  tokens: Record<string, string>;
  output: () => string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `server/src/main.ts` as its own process, as `npm start` does, and reads its printed links. */
export async function spawnPlenary(env: Record<string, string>): Promise<PlenaryChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PLENARY_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => /delegations in all/.test(out) || proc.exitCode !== null, 20_000, 'the server did not print its links');
  if (proc.exitCode !== null) throw new Error(`the server exited: ${out}`);
  const url = /running at (http:\/\/\S+)/.exec(out)![1]!;
  const tokens: Record<string, string> = {};
  for (const m of out.matchAll(/^\s+(chair|observer|delegate (\w+))\s+\S+\?token=(\S+)$/gm)) tokens[m[2] ?? m[1]!] = m[3]!;
  const kill = async (signal: NodeJS.Signals) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await exited;
  };
  return { proc, url, wsUrl: url.replace(/^http/, 'ws'), tokens, output: () => out, kill9: () => kill('SIGKILL'), stop: () => kill('SIGTERM') };
}
