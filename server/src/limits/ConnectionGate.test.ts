import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMaxConnections, FD_RESERVE, lowLimitWarning, openFilesLimit } from './ConnectionGate';

describe('sizing the connection cap from ulimit -n', () => {
  it('[K14] reads the soft limit on open files, keeps a reserve, and warns when it is low', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-limits-')), 'limits');
    writeFileSync(file, 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 524288               files\n');
    expect(openFilesLimit(file)).toBe(1024);
    expect(openFilesLimit(join(file, 'missing'))).toBeNull();
    expect(defaultMaxConnections(1024)).toBe(1024 - FD_RESERVE);
    expect(defaultMaxConnections(null)).toBe(1024 - FD_RESERVE);
    expect(defaultMaxConnections(100)).toBe(64);
    expect(lowLimitWarning({ total: 896, perAddress: 448 }, 1024)).toMatch(/ulimit -n is 1024.*ulimits nofile/);
    expect(lowLimitWarning({ total: 65_000, perAddress: 0 }, 65_536)).toBeNull();
  });
});
