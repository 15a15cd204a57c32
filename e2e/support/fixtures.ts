import { test as base, type APIRequestContext } from '@playwright/test';
import {
  accountFactory,
  createMember,
  createStaff,
  createTrainer,
  type MemberAccount,
  type StaffAccount,
  type TrainerAccount,
} from './accounts';

export { expect } from '@playwright/test';

/**
 * One account per role for each test that asks for it, made through the API when the test starts
 * (no page): a test never signs in as a demo account nor reads another test's rows. The demo accounts
 * stay for people trying the platform; the demo admin only serves as the factory of staff and trainer
 * accounts (it is not changed).
 */
export interface AccountFixtures {
  /** A certified trainer (`formateur / moniteur`) with a card of its own, imported into the registry. */
  readonly trainer: TrainerAccount;
  /** A confirmed parent (`guardian`) portal account. */
  readonly parent: MemberAccount;
  /** Staff with the `finance` role (« Finances »). */
  readonly financeClerk: StaffAccount;
  /** Staff with the `card-clerk` role (« Demandes de cartes »). */
  readonly cardClerk: StaffAccount;
  /** Staff with the `admin` role (« Utilisateurs », registry import, « Journal de sécurité »). */
  readonly staffAdmin: StaffAccount;
}

export interface FactoryFixtures {
  /** The demo admin's back-office API session: only creates the tests' accounts. One per worker. */
  readonly accountFactory: APIRequestContext;
}

/** Making one account: a few API calls and one mail to wait for (the worker sends it). */
const ACCOUNT_TIMEOUT = 45_000;

export const test = base.extend<AccountFixtures, FactoryFixtures>({
  accountFactory: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const factory = await accountFactory();
      await use(factory);
      await factory.dispose();
    },
    { scope: 'worker', timeout: ACCOUNT_TIMEOUT },
  ],
  // Each account has its own time budget (mails to wait for), apart from the test's.
  trainer: [async ({ accountFactory }, use) => use(await createTrainer(accountFactory)), { timeout: ACCOUNT_TIMEOUT }],
  // eslint-disable-next-line no-empty-pattern
  parent: [async ({}, use) => use(await createMember('guardian')), { timeout: ACCOUNT_TIMEOUT }],
  financeClerk: [async ({ accountFactory }, use) => use(await createStaff(accountFactory, ['finance'])), { timeout: ACCOUNT_TIMEOUT }],
  cardClerk: [async ({ accountFactory }, use) => use(await createStaff(accountFactory, ['card-clerk'])), { timeout: ACCOUNT_TIMEOUT }],
  staffAdmin: [async ({ accountFactory }, use) => use(await createStaff(accountFactory, ['admin'])), { timeout: ACCOUNT_TIMEOUT }],
});
