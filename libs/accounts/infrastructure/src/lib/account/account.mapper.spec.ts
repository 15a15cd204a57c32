import { hashToken } from '@guichet/accounts/application';
import { Account, AccountId, toPasswordHash } from '@guichet/accounts/domain';
import { Email } from '@guichet/shared/kernel';
import { accountColumnValues, foldForSearch, searchText, toAccountSnapshot, type AccountRow, type ActionTokenRow } from './account.mapper';

describe('account mapper', () => {
  it('round-trips a snapshot through the row shape', () => {
    const now = new Date('2026-03-02T14:00:00.000Z');
    const account = Account.register({
      id: AccountId.generate(),
      email: Email.parse('Parent@Exemple.qc.ca'),
      role: 'guardian',
      passwordHash: toPasswordHash('$argon2id$x'),
      confirmationToken: hashToken('raw-token'),
      now,
    });
    const snapshot = account.toSnapshot();
    const values = accountColumnValues(snapshot);
    const row: AccountRow = {
      id: snapshot.id,
      version: 1,
      username: values.username as string | null,
      email: values.email as string,
      first_name: null,
      last_name: null,
      roles: values.roles as string[],
      status: values.status as string,
      password_hash: values.password_hash as string,
      trainer_card_number: null,
      certification_expires_on: null,
      learner_user_code: null,
      failed_sign_ins: 0,
      locked_until: null,
      last_signed_in_at: null,
      created_at: now,
      email_confirmed_at: null,
    };
    const tokens: ActionTokenRow[] = snapshot.tokens.map((t) => ({
      purpose: t.purpose,
      token_hash: t.hash,
      issued_at: t.issuedAt,
      expires_at: t.expiresAt,
      used_at: t.consumedAt,
      new_email: t.newEmail,
    }));
    expect(toAccountSnapshot(row, tokens)).toEqual({ ...snapshot, version: 1 });
    expect(Account.restore(toAccountSnapshot(row, tokens)).email.value).toBe(snapshot.email);
    expect(tokens[0].token_hash).toBe(hashToken('raw-token').value);
  });

  it('folds accents and case for the search column, one space before each word', () => {
    expect(foldForSearch('Éthier Hélène')).toBe('ethier helene');
    expect(searchText(['ethc003', 'claude@exemple.qc.ca', 'Claude', 'Éthier', '003-1234', null])).toBe(
      ' ethc003 claude@exemple.qc.ca claude ethier 003-1234',
    );
  });
});
