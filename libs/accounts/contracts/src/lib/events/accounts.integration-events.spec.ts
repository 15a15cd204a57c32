import { ACCOUNTS_INTEGRATION_EVENTS, AccountRegisteredV1, TrainerCertifiedV1 } from './accounts.integration-events';

describe('Accounts integration events', () => {
  it('are all accounts events at version 1, with distinct names', () => {
    const names = ACCOUNTS_INTEGRATION_EVENTS.map((e) => e.eventName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['accounts.account-registered.v1', 'accounts.password-reset-requested.v1', 'accounts.email-change-requested.v1', 'accounts.role-granted.v1']));
    for (const event of ACCOUNTS_INTEGRATION_EVENTS) expect([event.context, event.version]).toEqual(['accounts', 1]);
  });

  it('build envelopes from plain payloads', () => {
    const envelope = TrainerCertifiedV1.create(
      { accountId: '0190a4d2-8c4b-7cde-8f00-000000000001', cardNumber: '003-1234', firstName: 'Claude', lastName: 'Ethier', certificationExpiresOn: '2027-06-30' },
      { occurredAt: new Date('2026-03-02T14:00:00Z') },
    );
    expect(envelope).toMatchObject({ eventName: 'accounts.trainer-certified.v1', occurredAt: '2026-03-02T14:00:00.000Z' });
    expect(AccountRegisteredV1.matches(envelope)).toBe(false);
    expect(TrainerCertifiedV1.matches(envelope)).toBe(true);
  });
});
