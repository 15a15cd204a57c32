import { hashToken } from '../lib/shared/hash-token';
import {
  ChangePassword,
  ConfirmEmail,
  RegisterAccount,
  ResetPassword,
  SignIn,
  UNKNOWN_CLIENT,
  type SelfServiceRole,
  type SignInChannel,
  type SignInResult,
  type StaffRole,
} from '@guichet/accounts/contracts';
import { Account, AccountId, Password, Username } from '@guichet/accounts/domain';
import { Email, FixedClock, PersonName } from '@guichet/shared/kernel';
import { AuthenticateSessionHandler } from '../lib/authenticate-session/authenticate-session.handler';
import { ChangeNameHandler } from '../lib/change-name/change-name.handler';
import { ChangePasswordHandler } from '../lib/change-password/change-password.handler';
import { ConfirmEmailChangeHandler } from '../lib/confirm-email-change/confirm-email-change.handler';
import { ConfirmEmailHandler } from '../lib/confirm-email/confirm-email.handler';
import { CreateStaffAccountHandler } from '../lib/create-staff-account/create-staff-account.handler';
import { DeactivateAccountHandler } from '../lib/deactivate-account/deactivate-account.handler';
import { GrantRoleHandler } from '../lib/grant-role/grant-role.handler';
import { ImportTrainerRegistryHandler } from '../lib/import-trainer-registry/import-trainer-registry.handler';
import {
  FindTrainerByCardNumberHandler,
  GetAccountSummaryHandler,
  GetProfileHandler,
  SearchAccountsHandler,
  SearchAuditLogHandler,
} from '../lib/queries/account-queries.handlers';
import { ReactivateAccountHandler } from '../lib/reactivate-account/reactivate-account.handler';
import { RegisterAccountHandler } from '../lib/register-account/register-account.handler';
import { RequestEmailChangeHandler } from '../lib/request-email-change/request-email-change.handler';
import { RequestPasswordResetHandler } from '../lib/request-password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from '../lib/reset-password/reset-password.handler';
import { SendResetLinkHandler } from '../lib/send-reset-link/send-reset-link.handler';
import { SignInHandler } from '../lib/sign-in/sign-in.handler';
import { SignOutHandler } from '../lib/sign-out/sign-out.handler';
import { WithdrawRoleHandler } from '../lib/withdraw-role/withdraw-role.handler';
import {
  FakePasswordHasher,
  FakeUnitOfWork,
  InMemoryAccountRepository,
  InMemorySessionRepository,
  RecordingAuditLog,
  RecordingMail,
  RepositoryUsernameAvailability,
  SequentialLearnerCodes,
  SequentialTokenGenerator,
  SnapshotReadModel,
} from './fakes';

export const PASSWORD = 'cheval agrafe pile correcte';
export const client = UNKNOWN_CLIENT;

/** Every handler wired to in-memory fakes sharing one clock. */
export function harness() {
  const clock = new FixedClock('2026-03-02T14:00:00.000Z');
  const accounts = new InMemoryAccountRepository();
  const sessions = new InMemorySessionRepository();
  const hasher = new FakePasswordHasher();
  const tokens = new SequentialTokenGenerator();
  const mail = new RecordingMail();
  const audit = new RecordingAuditLog();
  const unitOfWork = new FakeUnitOfWork();
  const learnerCodes = new SequentialLearnerCodes();
  const usernames = new RepositoryUsernameAvailability(accounts);
  const readModel = new SnapshotReadModel(accounts);

  const h = {
    clock,
    accounts,
    sessions,
    hasher,
    tokens,
    mail,
    audit,
    unitOfWork,
    readModel,
    register: new RegisterAccountHandler(accounts, hasher, tokens, learnerCodes, mail, audit, clock),
    confirmEmail: new ConfirmEmailHandler(accounts, audit, clock),
    signIn: new SignInHandler(accounts, sessions, hasher, tokens, audit, clock),
    authenticate: new AuthenticateSessionHandler(sessions, accounts, clock),
    signOut: new SignOutHandler(sessions, audit, clock),
    requestReset: new RequestPasswordResetHandler(accounts, tokens, mail, audit, clock),
    resetPassword: new ResetPasswordHandler(accounts, sessions, hasher, mail, audit, unitOfWork, clock),
    changePassword: new ChangePasswordHandler(accounts, sessions, hasher, mail, audit, unitOfWork, clock),
    requestEmailChange: new RequestEmailChangeHandler(accounts, tokens, mail, audit, clock),
    confirmEmailChange: new ConfirmEmailChangeHandler(accounts, mail, audit, clock),
    changeName: new ChangeNameHandler(accounts, clock),
    createStaff: new CreateStaffAccountHandler(accounts, usernames, tokens, mail, audit, clock),
    grantRole: new GrantRoleHandler(accounts, learnerCodes, audit, clock),
    withdrawRole: new WithdrawRoleHandler(accounts, audit, unitOfWork, clock),
    deactivate: new DeactivateAccountHandler(accounts, sessions, audit, unitOfWork, clock),
    reactivate: new ReactivateAccountHandler(accounts, audit, clock),
    sendResetLink: new SendResetLinkHandler(accounts, tokens, mail, audit, clock),
    importRegistry: new ImportTrainerRegistryHandler(accounts, usernames, tokens, mail, audit, unitOfWork, clock),
    getSummary: new GetAccountSummaryHandler(readModel),
    findTrainer: new FindTrainerByCardNumberHandler(readModel),
    getProfile: new GetProfileHandler(readModel),
    searchAccounts: new SearchAccountsHandler(accounts, readModel),
    searchAuditLog: new SearchAuditLogHandler(accounts, audit),

    /** Registers and confirms through the handlers; returns the account id. */
    async activeMember(email: string, role: SelfServiceRole = 'guardian', password = PASSWORD): Promise<string> {
      await h.register.execute(new RegisterAccount(email, password, password, role, 'fr', client));
      await h.confirmEmail.execute(new ConfirmEmail(h.mail.lastToken('email-confirmation', email), client));
      return accounts.stored(email).id;
    },

    /** An active staff account with a password, created directly (no actor needed). */
    async activeStaff(email: string, roles: StaffRole[], password = PASSWORD): Promise<string> {
      const account = Account.createStaff({
        id: AccountId.generate(),
        email: Email.parse(email),
        name: PersonName.of('Prénom', 'Personnel'),
        username: Username.parse(email.slice(0, email.indexOf('@')).replace(/[^a-z0-9]/g, '') + 'x'),
        roles,
        setPasswordToken: hashToken(`seed-${email}`),
        by: AccountId.generate(),
        now: clock.now(),
      });
      await account.resetPassword(hashToken(`seed-${email}`), Password.create(password), hasher, clock.now());
      await accounts.save(account);
      return account.id.value;
    },

    async signInAs(identifier: string, channel: SignInChannel = 'portal', password = PASSWORD, rememberMe = false): Promise<SignInResult> {
      return h.signIn.execute(new SignIn(identifier, password, channel, rememberMe, client));
    },

    async resetWith(token: string, password: string): Promise<void> {
      await h.resetPassword.execute(new ResetPassword(token, password, password, 'fr', client));
    },

    changePasswordCommand(accountId: string, sessionId: string, current: string, next: string): ChangePassword {
      return new ChangePassword(accountId, sessionId, current, next, next, 'fr', client);
    },
  };
  return h;
}

export type Harness = ReturnType<typeof harness>;

/** Rejects with the error's code, to compare codes in specs. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a rejection');
}
