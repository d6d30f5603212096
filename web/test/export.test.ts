import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/lib/export.js';

describe('CSV export', () => {
  it('writes a header and one line per row, quoting what needs it as RFC 4180 says', () => {
    const csv = toCsv(
      [
        { role: 'plain', note: 'a, b', sql: ['GRANT SELECT ON "s"."t" TO "x"', 'second'] },
        { role: 'line\nbreak', note: null, sql: [] },
      ],
      ['role', 'note', 'sql'],
    );
    expect(csv).toBe(
      'role,note,sql\r\nplain,"a, b","GRANT SELECT ON ""s"".""t"" TO ""x""; second"\r\n"line\nbreak",,\r\n',
    );
  });

  it('keeps a spreadsheet from running a cell as a formula: role names are anyone’s to choose', () => {
    const csv = toCsv(
      [{ role: '=HYPERLINK("http://evil")' }, { role: '+1' }, { role: '-x' }, { role: '@sum' }],
      ['role'],
    );
    expect(csv.split('\r\n').slice(1, 5)).toEqual(['"\'=HYPERLINK(""http://evil"")"', "'+1", "'-x", "'@sum"]);
  });
});
