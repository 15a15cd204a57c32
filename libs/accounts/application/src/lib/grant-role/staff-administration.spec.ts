import {
  AuthenticateSession,
  CreateStaffAccount,
  DeactivateAccount,
  GrantRole,
  ReactivateAccount,
  SearchAccounts,
  SearchAuditLog,
  SendResetLink,
  WithdrawRole,
} from '@guichet/accounts/contracts';
import { client, codeOf, harness, PASSWORD } from '../../testing/harness';

describe('CreateStaffAccount', () => {
  it('creates a staff account and mails a back-office link to set the password', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const { accountId } = await h.createStaff.execute(
      new CreateStaffAccount(admin, 'caissier@guichet.qc.ca', 'Léa', 'Caron', ['finance'], 'lcaron', 'fr', client),
    );
    expect(h.accounts.stored('caissier@guichet.qc.ca')).toMatchObject({ id: accountId, roles: ['finance'], status: 'pending-confirmation', username: 'lcaron' });
    const mail = h.mail.sent.at(-1);
    expect(mail).toMatchObject({ template: 'set-password', audience: 'back-office', username: 'lcaron', firstName: 'Léa' });
    await h.resetWith(h.mail.lastToken('set-password', 'caissier@guichet.qc.ca'), 'le mot de passe du caissier');
    await expect(h.signInAs('lcaron', 'back-office', 'le mot de passe du caissier')).resolves.toBeDefined();
  });

  it('is for administrators only', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    expect(
      await codeOf(h.createStaff.execute(new CreateStaffAccount(clerk, 'x@guichet.qc.ca', 'X', 'Y', ['finance'], null, 'fr', client))),
    ).toBe('ACCOUNTS.PERMISSION_DENIED');
    expect(
      await codeOf(h.createStaff.execute(new CreateStaffAccount('not-an-id', 'x@guichet.qc.ca', 'X', 'Y', ['finance'], null, 'fr', client))),
    ).toBe('ACCOUNTS.PERMISSION_DENIED');
  });

  it('refuses a taken e-mail or username', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    expect(
      await codeOf(h.createStaff.execute(new CreateStaffAccount(admin, 'admin@guichet.qc.ca', 'X', 'Y', ['finance'], null, 'fr', client))),
    ).toBe('ACCOUNTS.EMAIL_ALREADY_IN_USE');
    expect(
      await codeOf(h.createStaff.execute(new CreateStaffAccount(admin, 'y@guichet.qc.ca', 'X', 'Y', ['finance'], 'adminx', 'fr', client))),
    ).toBe('ACCOUNTS.USERNAME_TAKEN');
  });
});

describe('GrantRole and WithdrawRole', () => {
  it('grants and withdraws, auditing who did it', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    await h.grantRole.execute(new GrantRole(admin, parent, 'owner', client));
    await h.grantRole.execute(new GrantRole(admin, parent, 'owner', client));
    expect(h.accounts.stored('parent@exemple.qc.ca').roles).toEqual(['guardian', 'owner']);
    await h.withdrawRole.execute(new WithdrawRole(admin, parent, 'guardian', client));
    expect(h.accounts.stored('parent@exemple.qc.ca').roles).toEqual(['owner']);
    expect(h.audit.entries.filter((e) => e.actorId === admin).map((e) => [e.action, e.details['role']])).toEqual([
      ['role-granted', 'owner'],
      ['role-withdrawn', 'guardian'],
    ]);
  });

  it('gives a learner a user code with the role', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    await h.grantRole.execute(new GrantRole(admin, parent, 'learner', client));
    expect(h.accounts.stored('parent@exemple.qc.ca').learnerUserCode).toBe('K7M4Q2XP');
  });

  it('refuses to withdraw admin from the last active administrator, in a unit of work', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    expect(await codeOf(h.withdrawRole.execute(new WithdrawRole(admin, admin, 'admin', client)))).toBe('ACCOUNTS.LAST_ADMINISTRATOR');
    expect(h.unitOfWork.runs).toBe(1);
    const second = await h.activeStaff('admin2@guichet.qc.ca', ['admin']);
    await h.withdrawRole.execute(new WithdrawRole(second, admin, 'admin', client));
    expect(h.accounts.stored('admin@guichet.qc.ca').roles).toEqual([]);
  });

  it('takes a withdrawn role away from open sessions at once', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk', 'finance']);
    const { sessionToken } = await h.signInAs('commis@guichet.qc.ca', 'back-office');
    await h.withdrawRole.execute(new WithdrawRole(admin, clerk, 'finance', client));
    expect((await h.authenticate.execute(new AuthenticateSession(sessionToken, 'back-office')))?.roles).toEqual(['card-clerk']);
  });

  it('refuses trainer (the registry gives it) and non-admin actors', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    expect(await codeOf(h.grantRole.execute(new GrantRole(admin, parent, 'trainer', client)))).toBe('ACCOUNTS.ROLE_NOT_ALLOWED');
    expect(await codeOf(h.grantRole.execute(new GrantRole(clerk, parent, 'admin', client)))).toBe('ACCOUNTS.PERMISSION_DENIED');
  });
});

describe('DeactivateAccount and ReactivateAccount', () => {
  it('blocks sign-in and ends sessions; reactivation restores access', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    const { sessionToken } = await h.signInAs('parent@exemple.qc.ca');
    await h.deactivate.execute(new DeactivateAccount(admin, parent, client));
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).toBeNull();
    expect(h.sessions.of(parent).every((s) => s.revokedReason === 'account-deactivated')).toBe(true);
    expect(await codeOf(h.signInAs('parent@exemple.qc.ca'))).toBe('ACCOUNTS.ACCOUNT_DEACTIVATED');
    await h.reactivate.execute(new ReactivateAccount(admin, parent, client));
    await expect(h.signInAs('parent@exemple.qc.ca')).resolves.toBeDefined();
    expect(h.accounts.outbox.map((e) => e.eventName)).toEqual(
      expect.arrayContaining(['accounts.account-deactivated.v1', 'accounts.account-reactivated.v1']),
    );
  });

  it('refuses to deactivate oneself', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    expect(await codeOf(h.deactivate.execute(new DeactivateAccount(admin, admin, client)))).toBe('ACCOUNTS.CANNOT_DEACTIVATE_OWN_ACCOUNT');
  });

  it('lets an administrator deactivate another, and not after giving up the role', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const other = await h.activeStaff('admin2@guichet.qc.ca', ['admin']);
    await h.deactivate.execute(new DeactivateAccount(admin, other, client));
    expect(h.accounts.stored('admin2@guichet.qc.ca').status).toBe('deactivated');
    await h.reactivate.execute(new ReactivateAccount(admin, other, client));
    await h.withdrawRole.execute(new WithdrawRole(admin, admin, 'admin', client));
    expect(await codeOf(h.deactivate.execute(new DeactivateAccount(admin, other, client)))).toBe('ACCOUNTS.PERMISSION_DENIED');
  });
});

describe('SendResetLink', () => {
  it('sends a reset link to an account with a password', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    await h.sendResetLink.execute(new SendResetLink(clerk, parent, 'fr', client));
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'password-reset', to: 'parent@exemple.qc.ca', audience: 'portal' });
    expect(h.accounts.outbox.at(-1)).toMatchObject({ eventName: 'accounts.password-reset-requested.v1', payload: { requestedBy: clerk } });
    await h.resetWith(h.mail.lastToken('password-reset', 'parent@exemple.qc.ca'), 'une phrase toute neuve');
    await expect(h.signInAs('parent@exemple.qc.ca', 'portal', 'une phrase toute neuve')).resolves.toBeDefined();
  });

  it('sends a set-password link to an account without one', async () => {
    const h = harness();
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const { accountId } = await h.createStaff.execute(new CreateStaffAccount(admin, 'new@guichet.qc.ca', 'N', 'E', ['exam-staff'], null, 'fr', client));
    await h.sendResetLink.execute(new SendResetLink(admin, accountId, 'en', client));
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'set-password', lang: 'en', audience: 'back-office' });
  });

  it('is refused to finance', async () => {
    const h = harness();
    const finance = await h.activeStaff('finance@guichet.qc.ca', ['finance']);
    const parent = await h.activeMember('parent@exemple.qc.ca');
    expect(await codeOf(h.sendResetLink.execute(new SendResetLink(finance, parent, 'fr', client)))).toBe('ACCOUNTS.PERMISSION_DENIED');
  });
});

describe('SearchAccounts and SearchAuditLog', () => {
  it('clamps paging and trims the text for staff', async () => {
    const h = harness();
    const finance = await h.activeStaff('finance@guichet.qc.ca', ['finance']);
    await h.searchAccounts.execute(new SearchAccounts(finance, { text: '  ethc ', page: 0, pageSize: 1000 }));
    expect(h.readModel.lastSearch).toEqual({ text: 'ethc', page: 1, pageSize: 100 });
  });

  it('keeps search for staff and the audit log for administrators', async () => {
    const h = harness();
    const parent = await h.activeMember('parent@exemple.qc.ca', 'guardian', PASSWORD);
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const admin = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    expect(await codeOf(h.searchAccounts.execute(new SearchAccounts(parent, { page: 1, pageSize: 20 })))).toBe('ACCOUNTS.PERMISSION_DENIED');
    expect(await codeOf(h.searchAuditLog.execute(new SearchAuditLog(clerk, { page: 1, pageSize: 20 })))).toBe('ACCOUNTS.PERMISSION_DENIED');
    await h.searchAuditLog.execute(new SearchAuditLog(admin, { action: 'sign-in-failed', page: 2, pageSize: 0 }));
    expect(h.audit.lastCriteria).toEqual({ action: 'sign-in-failed', page: 2, pageSize: 1 });
  });
});
