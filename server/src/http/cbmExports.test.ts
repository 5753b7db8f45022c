import { describe, expect, it } from 'vitest';
import { csvCell } from './cbmExports';

describe('[M6] CSV cells', () => {
  it('quote commas, quotes and newlines, and defuse spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(40)).toBe('40');
  });
});
