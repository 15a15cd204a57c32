import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from './settings';
import { settingsMarkdownTable } from './settings-table';

describe('settingsMarkdownTable', () => {
  it('has a header and one row per setting, with defaults and the production requirement', () => {
    const lines = settingsMarkdownTable().split('\n');
    expect(lines[0]).toBe('| Setting | Embedded default | Required in production | Description |');
    expect(lines).toHaveLength(SETTINGS.length + 2);
    expect(lines).toContain(
      '| `REDIS_URL` | *(unset)* | no | Redis connection URL for BullMQ. Unset: BullMQ uses its PostgreSQL backend on `DATABASE_URL`. |',
    );
    expect(lines.find((l) => l.startsWith('| `PORT`'))).toContain('| `3000` | no |');
    expect(lines.find((l) => l.startsWith('| `DATABASE_URL`'))).toContain('| yes |');
  });

  it('escapes pipes so a description cannot break the table', () => {
    const table = settingsMarkdownTable([
      { name: 'X', description: 'a | b', default: 'c|d', requiredInProduction: false, secret: false },
    ]);
    expect(table.split('\n')[2]).toBe('| `X` | `c\\|d` | no | a \\| b |');
  });
});

describe('the README', () => {
  it('lists every setting exactly as the schema describes it', () => {
    const readme = readFileSync(join(__dirname, '../../../../../README.md'), 'utf8');
    const missing = settingsMarkdownTable()
      .split('\n')
      .filter((row) => row.startsWith('| `'))
      .filter((row) => !readme.includes(row));
    // Regenerate with `npx nx run shared-config:settings-table` and paste into README.md's "Settings".
    expect(missing).toEqual([]);
  });
});
