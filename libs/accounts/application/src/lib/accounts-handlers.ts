import { AuthenticateSessionHandler } from './authenticate-session/authenticate-session.handler';
import { ChangeNameHandler } from './change-name/change-name.handler';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ConfirmEmailChangeHandler } from './confirm-email-change/confirm-email-change.handler';
import { ConfirmEmailHandler } from './confirm-email/confirm-email.handler';
import { CreateStaffAccountHandler } from './create-staff-account/create-staff-account.handler';
import { DeactivateAccountHandler } from './deactivate-account/deactivate-account.handler';
import { GrantRoleHandler } from './grant-role/grant-role.handler';
import { ImportTrainerRegistryHandler } from './import-trainer-registry/import-trainer-registry.handler';
import {
  FindTrainerByCardNumberHandler,
  GetAccountSummaryHandler,
  GetProfileHandler,
  SearchAccountsHandler,
  SearchAuditLogHandler,
} from './queries/account-queries.handlers';
import { ReactivateAccountHandler } from './reactivate-account/reactivate-account.handler';
import { RegisterAccountHandler } from './register-account/register-account.handler';
import { RequestEmailChangeHandler } from './request-email-change/request-email-change.handler';
import { RequestPasswordResetHandler } from './request-password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from './reset-password/reset-password.handler';
import { SeedDemoAccountHandler } from './seed-demo-account/seed-demo-account.handler';
import { SendResetLinkHandler } from './send-reset-link/send-reset-link.handler';
import { SignInHandler } from './sign-in/sign-in.handler';
import { SignOutHandler } from './sign-out/sign-out.handler';
import { WithdrawRoleHandler } from './withdraw-role/withdraw-role.handler';

/** Every command and query handler of Accounts: the providers list of the api module. */
export const ACCOUNTS_HANDLERS = [
  RegisterAccountHandler,
  ConfirmEmailHandler,
  SignInHandler,
  AuthenticateSessionHandler,
  SignOutHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
  ChangePasswordHandler,
  RequestEmailChangeHandler,
  ConfirmEmailChangeHandler,
  ChangeNameHandler,
  CreateStaffAccountHandler,
  GrantRoleHandler,
  WithdrawRoleHandler,
  DeactivateAccountHandler,
  ReactivateAccountHandler,
  SendResetLinkHandler,
  ImportTrainerRegistryHandler,
  SeedDemoAccountHandler,
  GetAccountSummaryHandler,
  FindTrainerByCardNumberHandler,
  GetProfileHandler,
  SearchAccountsHandler,
  SearchAuditLogHandler,
] as const;
