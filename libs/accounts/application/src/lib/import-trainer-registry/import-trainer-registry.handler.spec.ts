import { ImportTrainerRegistry, type TrainerRegistryRow } from '@guichet/accounts/contracts';
import { client, codeOf, harness } from '../../testing/harness';

let line = 1;
const row = (cardNumber: string, lastName: string, firstName: string, email: string, certificationExpiresOn = '2027-06-30'): TrainerRegistryRow => ({
  line: ++line,
  cardNumber,
  lastName,
  firstName,
  email,
  certificationExpiresOn,
});

beforeEach(() => {
  line = 1;
});

describe('ImportTrainerRegistry', () => {
  it('creates trainers with the manual’s usernames and mails each a link to set a password', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const report = await h.importRegistry.execute(
      new ImportTrainerRegistry(clerk, [row('003-1234', 'Ethier', 'Claude', 'claude.ethier@integratik.com'), row('147-20', 'Tremblay', 'Sophie', 'sophie@exemple.qc.ca')], 'fr', client),
    );
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.rows.map((r) => [r.line, r.outcome, r.username])).toEqual([
      [2, 'created', 'ethc003'],
      [3, 'created', 'tres147'],
    ]);
    expect(h.mail.sent.filter((m) => m.template === 'set-password').map((m) => [m.to, 'username' in m ? m.username : null])).toEqual([
      ['claude.ethier@integratik.com', 'ethc003'],
      ['sophie@exemple.qc.ca', 'tres147'],
    ]);
    await h.resetWith(h.mail.lastToken('set-password', 'claude.ethier@integratik.com'), 'ma phrase de formateur');
    await expect(h.signInAs('ethc003', 'portal', 'ma phrase de formateur')).resolves.toBeDefined();
    expect(h.accounts.outbox.filter((e) => e.eventName === 'accounts.trainer-certified.v1').map((e) => e.payload['cardNumber'])).toEqual([
      '003-1234',
      '147-20',
    ]);
  });

  it('resolves username collisions: Éthier Claude and Ethier Chantal of series 003', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const report = await h.importRegistry.execute(
      new ImportTrainerRegistry(
        clerk,
        [row('003-1234', 'Éthier', 'Claude', 'claude@exemple.qc.ca'), row('003-5678', 'Ethier', 'Chantal', 'chantal@exemple.qc.ca')],
        'fr',
        client,
      ),
    );
    expect(report.rows.map((r) => r.username)).toEqual(['ethc003', 'ethc003-2']);
  });

  it('rejects bad rows with their reason and keeps the good ones', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const report = await h.importRegistry.execute(
      new ImportTrainerRegistry(
        clerk,
        [
          row('003-1234', 'Ethier', 'Claude', 'claude@exemple.qc.ca'),
          row('12345', 'Roy', 'Luc', 'luc@exemple.qc.ca'),
          row('004-1', 'Roy', 'Luc', 'pas-une-adresse'),
          row('005-1', '', 'Luc', 'luc@exemple.qc.ca'),
          row('006-1', 'Roy', 'Luc', 'luc@exemple.qc.ca', '2027-02-30'),
          row('ETHC003-1234', 'Ethier', 'Claude', 'claude@exemple.qc.ca'),
          row('007-1', 'Gagnon', 'Marc', 'claude@exemple.qc.ca'),
          row('008-1', 'Roy', 'Luc', 'luc@exemple.qc.ca'),
        ],
        'fr',
        client,
      ),
    );
    expect(report.rows.map((r) => [r.line, r.outcome, r.error?.code ?? null, r.error?.field ?? null])).toEqual([
      [2, 'created', null, null],
      [3, 'rejected', 'ACCOUNTS.INVALID_TRAINER_CARD_NUMBER', 'cardNumber'],
      [4, 'rejected', 'KERNEL.INVALID_EMAIL', 'email'],
      [5, 'rejected', 'KERNEL.INVALID_PERSON_NAME', 'name'],
      [6, 'rejected', 'KERNEL.INVALID_LOCAL_DATE', 'certificationExpiresOn'],
      [7, 'rejected', 'ACCOUNTS.DUPLICATE_CARD_IN_IMPORT', 'cardNumber'],
      [8, 'rejected', 'ACCOUNTS.TRAINER_CARD_CONFLICT', null],
      [9, 'created', null, null],
    ]);
    expect(report.rows[5].error?.fr).toBe('Ce numéro de carte figure déjà à la ligne 2 du fichier.');
    expect(report).toMatchObject({ created: 2, rejected: 6 });
    expect(h.accounts.rows.size).toBe(3);
  });

  it('updates a known card, reports an identical row as unchanged, and re-sends the link when the address changes before a password is set', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    await h.importRegistry.execute(new ImportTrainerRegistry(clerk, [row('003-1234', 'Ethier', 'Claude', 'claude@exemple.qc.ca')], 'fr', client));
    const again = await h.importRegistry.execute(
      new ImportTrainerRegistry(
        clerk,
        [row('003-1234', 'Ethier', 'Claude', 'claude@exemple.qc.ca'), row('003-1234', 'Ethier', 'Claude', 'c.ethier@exemple.qc.ca', '2029-06-30')],
        'fr',
        client,
      ),
    );
    expect(again.rows.map((r) => r.outcome)).toEqual(['unchanged', 'rejected']);
    const changed = await h.importRegistry.execute(
      new ImportTrainerRegistry(clerk, [row('003-1234', 'Ethier', 'Claude', 'c.ethier@exemple.qc.ca', '2029-06-30')], 'fr', client),
    );
    expect(changed.rows[0]).toMatchObject({ outcome: 'updated', username: 'ethc003' });
    expect(h.accounts.stored('c.ethier@exemple.qc.ca').certificationExpiresOn).toBe('2029-06-30');
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'set-password', to: 'c.ethier@exemple.qc.ca' });
  });

  it('attaches the card to the existing account of a parent with the same address', async () => {
    const h = harness();
    const clerk = await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    const parent = await h.activeMember('claude@exemple.qc.ca');
    const report = await h.importRegistry.execute(new ImportTrainerRegistry(clerk, [row('003-1234', 'Ethier', 'Claude', 'claude@exemple.qc.ca')], 'fr', client));
    expect(report.rows[0]).toMatchObject({ outcome: 'updated', accountId: parent, username: 'ethc003' });
    expect(h.accounts.stored('claude@exemple.qc.ca').roles).toEqual(['trainer', 'guardian']);
  });

  it('is for card clerks and administrators', async () => {
    const h = harness();
    const finance = await h.activeStaff('finance@guichet.qc.ca', ['finance']);
    expect(await codeOf(h.importRegistry.execute(new ImportTrainerRegistry(finance, [], 'fr', client)))).toBe('ACCOUNTS.PERMISSION_DENIED');
  });
});
