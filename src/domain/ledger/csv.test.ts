import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from './csv.ts';

// RFC 4180 section 2 (quoting, CRLF) and the OWASP CSV-injection guard (= + - @ tab CR).
describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [0, '0'],
    [-2.5, '-2.5'],
    [1234.5, '1234.5'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-cmd', "'-cmd"],
    ['@import', "'@import"],
    ['\tindent', "'\tindent"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['=1,2', '"\'=1,2"'],
    ['-0.2000', '-0.2000'], // a ledger delta written as text stays a number
    ['+3', '+3'],
    ['-1.5e3', '-1.5e3'],
    ['-.5', '-.5'],
    ['a=b', 'a=b'], // only a leading character triggers a formula
    ['-', "'-"],
  ])('writes %j as %j', (cell, expected) => {
    expect(escapeCsvCell(cell)).toBe(expected);
  });

  it('throws for a non-finite number (programmer error)', () => {
    expect(() => escapeCsvCell(Number.NaN)).toThrow(RangeError);
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF after every record', () => {
    const csv = toCsv(
      ['date', 'kind', 'delta_ml', 'note'],
      [
        ['2026-03-01', 'administration', '-2.500', 'patient tolerated, "calm"'],
        ['2026-03-01', 'waste', -0.5, null],
      ],
    );
    expect(csv).toBe(
      'date,kind,delta_ml,note\r\n2026-03-01,administration,-2.500,"patient tolerated, ""calm"""\r\n2026-03-01,waste,-0.5,\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('guards header cells too', () => {
    expect(toCsv(['=evil'], [])).toBe("'=evil\r\n");
  });

  it('refuses a row whose length differs from the header (programmer error)', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 cells/);
  });
});
