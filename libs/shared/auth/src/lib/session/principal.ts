/** Who is calling, as every context's controllers see it (the Accounts context supplies it). */
export interface Principal {
  readonly accountId: string;
  readonly sessionId: string;
  readonly username: string | null;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** Role names, read from the account at each request. */
  readonly roles: readonly string[];
  /** `portal` or `back-office`: where the session was opened. */
  readonly channel: string;
}

/** Where a request came from, for audit and throttling. Never a secret. */
export interface RequestClient {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * Port: resolves the session cookie to a principal. The Accounts context implements it (command
 * `AuthenticateSession`). Null for an unknown, revoked or timed-out session, or an inactive account.
 */
export abstract class SessionAuthenticator {
  abstract authenticate(token: string, client: RequestClient): Promise<Principal | null>;
}
