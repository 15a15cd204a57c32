import { GrantRole, ImportTrainerRegistry, ROLE_LABELS, UNKNOWN_CLIENT, WithdrawRole, type Role } from '@guichet/accounts/contracts';
import { SeedDemoAccount, type DemoAccountProfile } from '@guichet/accounts/application';
import type { NodeEnv } from '@guichet/shared/config';
import type { CommandBus } from '@nestjs/cqrs';

/**
 * Demo data, not a secret: every demo account has this password, and README.md lists them all
 * (« Comptes de démonstration »). That is why seeding refuses production.
 */
export const DEMO_PASSWORD = 'Demo-Guichet-2026!';

/** The trainer's registry row: `Éthier`, `Claude`, card series `003` give the username `ethc003`. */
const TRAINER_ROW = {
  line: 2,
  cardNumber: '003-1234',
  lastName: 'Éthier',
  firstName: 'Claude',
  email: 'claude.ethier@exemple.test',
  certificationExpiresOn: '2030-12-31',
} as const;

export interface DemoAccount {
  readonly role: Role;
  readonly email: string;
  /** What to type in « Nom d'utilisateur ou courriel », as README shows it. */
  readonly signInAs: string;
  readonly channel: 'portal' | 'back-office';
  readonly profile: DemoAccountProfile;
}

const staff = (role: DemoStaffRole, local: string, firstName: string, lastName: string): DemoAccount => ({
  role,
  email: `${local}@exemple.test`,
  signInAs: `${local}@exemple.test`,
  channel: 'back-office',
  profile: { kind: 'staff', roles: [role], firstName, lastName, username: null },
});

type DemoStaffRole = Extract<DemoAccountProfile, { kind: 'staff' }>['roles'][number];

/** One account per role, in the order of `ROLES`; the admin comes first in `seedDemoData` (it imports the trainer). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'trainer', email: TRAINER_ROW.email, signInAs: 'ethc003', channel: 'portal', profile: { kind: 'existing' } },
  { role: 'guardian', email: 'parent@exemple.test', signInAs: 'parent@exemple.test', channel: 'portal', profile: { kind: 'member', role: 'guardian' } },
  { role: 'learner', email: 'apprenant@exemple.test', signInAs: 'apprenant@exemple.test', channel: 'portal', profile: { kind: 'member', role: 'learner' } },
  // Nobody signs up as an operator: a guardian account gets the role from the admin, then loses `guardian`.
  { role: 'operator', email: 'operateur@exemple.test', signInAs: 'operateur@exemple.test', channel: 'portal', profile: { kind: 'member', role: 'guardian' } },
  { role: 'owner', email: 'proprietaire@exemple.test', signInAs: 'proprietaire@exemple.test', channel: 'portal', profile: { kind: 'member', role: 'owner' } },
  staff('admin', 'admin', 'Alice', 'Administratrice'),
  staff('card-clerk', 'commis-cartes', 'Camille', 'Commis'),
  staff('registrations-staff', 'inscriptions', 'Isabelle', 'Inscriptions'),
  staff('exam-staff', 'examens', 'Étienne', 'Examens'),
  staff('seats-staff', 'places', 'Paul', 'Places'),
  staff('finance', 'finances', 'France', 'Finances'),
];

export interface SeededDemoAccount {
  readonly role: Role;
  readonly accountId: string;
  readonly outcome: 'created' | 'completed' | 'unchanged';
}

/** Thrown before anything is written when asked to seed a production database. */
export class DemoDataRefusedInProduction extends Error {
  constructor() {
    super('Demo accounts have published passwords: they are never created in production (NODE_ENV=production).');
  }
}

/**
 * Creates the demo accounts through Accounts' commands; running it again changes nothing (an account
 * that exists keeps its password; the operator's role changes are no-ops once made).
 */
export async function seedDemoData(commands: CommandBus, nodeEnv: NodeEnv): Promise<SeededDemoAccount[]> {
  if (nodeEnv === 'production') throw new DemoDataRefusedInProduction();
  const byRole = new Map(DEMO_ACCOUNTS.map((account) => [account.role, account]));
  const seeded: SeededDemoAccount[] = [];
  const seed = async (account: DemoAccount): Promise<string> => {
    const result = await commands.execute(new SeedDemoAccount(account.email, DEMO_PASSWORD, account.profile));
    seeded.push({ role: account.role, ...result });
    return result.accountId;
  };

  const adminId = await seed(required(byRole, 'admin'));
  for (const account of DEMO_ACCOUNTS) {
    if (account.role === 'admin') continue;
    if (account.role === 'trainer') {
      // The registry is the only way in for a trainer; unchanged rows are skipped by the import.
      await commands.execute(new ImportTrainerRegistry(adminId, [TRAINER_ROW], 'fr', UNKNOWN_CLIENT));
    }
    const accountId = await seed(account);
    if (account.role === 'operator') {
      await commands.execute(new GrantRole(adminId, accountId, 'operator', UNKNOWN_CLIENT));
      // A no-op once done: withdrawing a role not held changes nothing.
      await commands.execute(new WithdrawRole(adminId, accountId, 'guardian', UNKNOWN_CLIENT));
    }
  }
  return seeded;
}

function required(byRole: ReadonlyMap<Role, DemoAccount>, role: Role): DemoAccount {
  const account = byRole.get(role);
  if (account === undefined) throw new Error(`no demo account for ${role}`);
  return account;
}

/** The README's « Comptes de démonstration » table, generated from `DEMO_ACCOUNTS`. */
export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map(
    (account) => `| ${ROLE_LABELS[account.role].fr} (\`${account.role}\`) | \`${account.signInAs}\` | \`${DEMO_PASSWORD}\` |`,
  );
  return ['| Rôle | Nom d’utilisateur ou courriel | Mot de passe |', '|---|---|---|', ...rows].join('\n');
}
