import * as contracts from '@guichet/accounts/contracts';
import * as domain from '@guichet/accounts/domain';
import { RegisterAccount, RequestPasswordReset } from '@guichet/accounts/contracts';
import { isIntegrationEventPayload } from '@guichet/shared/kernel';
import { client, harness, PASSWORD } from '../../testing/harness';
import { accountIntegrationEvents } from './account-integration-events';

describe('the published language', () => {
  it('names the same roles in contracts and domain', () => {
    expect([...contracts.ROLES]).toEqual([...domain.ROLES]);
    expect([...contracts.STAFF_ROLES]).toEqual([...domain.STAFF_ROLES]);
    expect([...contracts.SELF_SERVICE_ROLES]).toEqual([...domain.SELF_SERVICE_ROLES]);
  });

  it('gives every role a French and an English label, and every permission staff roles only', () => {
    for (const role of contracts.ROLES) expect(contracts.ROLE_LABELS[role].fr).not.toBe('');
    for (const roles of Object.values(contracts.ACCOUNTS_PERMISSIONS)) expect(roles.every(contracts.isStaffRole)).toBe(true);
    expect(contracts.hasPermission(['guardian', 'admin'], 'accounts.manage-staff')).toBe(true);
    expect(contracts.hasPermission(['card-clerk'], 'accounts.manage-staff')).toBe(false);
  });

  it('declares event names of the accounts context, version 1', () => {
    expect(contracts.ACCOUNTS_INTEGRATION_EVENTS.map((e) => e.eventName)).toContain('accounts.account-registered.v1');
    for (const event of contracts.ACCOUNTS_INTEGRATION_EVENTS) expect([event.context, event.version]).toEqual(['accounts', 1]);
  });
});

describe('accountIntegrationEvents', () => {
  it('publishes plain payloads with no token or password', async () => {
    const h = harness();
    await h.register.execute(new RegisterAccount('parent@exemple.qc.ca', PASSWORD, PASSWORD, 'guardian', 'fr', client));
    await h.confirmEmail.execute(new contracts.ConfirmEmail(h.mail.lastToken('email-confirmation', 'parent@exemple.qc.ca'), client));
    await h.requestReset.execute(new RequestPasswordReset('email', 'parent@exemple.qc.ca', 'fr', client));
    await h.resetWith(h.mail.lastToken('password-reset', 'parent@exemple.qc.ca'), 'une phrase toute neuve');
    expect(h.accounts.outbox.map((e) => e.eventName)).toEqual([
      'accounts.account-registered.v1',
      'accounts.account-activated.v1',
      'accounts.password-reset-requested.v1',
      'accounts.password-changed.v1',
    ]);
    const published = JSON.stringify(h.accounts.outbox);
    for (const secret of [...h.tokens.issued, PASSWORD, 'une phrase toute neuve', 'fake:']) expect(published).not.toContain(secret);
    expect(h.accounts.outbox.every((e) => isIntegrationEventPayload(e.payload))).toBe(true);
  });

  it('publishes nothing for internal events', () => {
    const event = new domain.SetPasswordLinkIssued(domain.AccountId.generate(), null, new Date());
    expect(accountIntegrationEvents(event)).toEqual([]);
  });

  it('keeps tokens and passwords out of the audit log', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    await h.requestReset.execute(new RequestPasswordReset('email', 'parent@exemple.qc.ca', 'fr', client));
    await h.resetWith(h.mail.lastToken('password-reset', 'parent@exemple.qc.ca'), 'une phrase toute neuve');
    const audit = JSON.stringify(h.audit.entries);
    for (const secret of [...h.tokens.issued, PASSWORD, 'une phrase toute neuve']) expect(audit).not.toContain(secret);
  });
});
