import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportTrainerRegistry, ROLES, WithdrawRole } from '@guichet/accounts/contracts';
import { SeedDemoAccount } from '@guichet/accounts/application';
import type { CommandBus } from '@nestjs/cqrs';
import { DEMO_ACCOUNTS, DemoDataRefusedInProduction, demoAccountsTable, seedDemoData } from './demo-data';

function recordingBus(): { bus: CommandBus; sent: object[] } {
  const sent: object[] = [];
  let next = 0;
  const execute = async (command: object) => {
    sent.push(command);
    return command instanceof SeedDemoAccount ? { accountId: `id-${++next}`, outcome: 'created' } : undefined;
  };
  return { bus: { execute } as unknown as CommandBus, sent };
}

describe('demo data', () => {
  it('has one account per role, on the reserved exemple.test domain', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    for (const account of DEMO_ACCOUNTS) expect(account.email).toMatch(/@exemple\.test$/);
  });

  it('is listed in README.md exactly as generated', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
    expect(readme).toContain(`## Comptes de démonstration`);
    expect(readme).toContain(demoAccountsTable());
  });

  it('refuses production before sending any command', async () => {
    const { bus, sent } = recordingBus();
    await expect(seedDemoData(bus, 'production')).rejects.toBeInstanceOf(DemoDataRefusedInProduction);
    expect(sent).toEqual([]);
  });

  it('seeds the admin first, imports the trainer before completing it, and makes the operator', async () => {
    const { bus, sent } = recordingBus();
    const seeded = await seedDemoData(bus, 'development');
    expect(seeded.map((s) => s.role)).toEqual(['admin', ...DEMO_ACCOUNTS.map((a) => a.role).filter((r) => r !== 'admin')]);
    expect(sent[0]).toMatchObject({ email: 'admin@exemple.test' });
    const importAt = sent.findIndex((c) => c instanceof ImportTrainerRegistry);
    expect(sent[importAt]).toMatchObject({ actorId: 'id-1', rows: [{ cardNumber: '003-1234', lastName: 'Éthier', firstName: 'Claude' }] });
    expect(sent[importAt + 1]).toMatchObject({ email: 'claude.ethier@exemple.test', profile: { kind: 'existing' } });
    expect(sent.find((c) => c instanceof WithdrawRole)).toMatchObject({ actorId: 'id-1', role: 'guardian' });
  });
});
