import { Command } from '@nestjs/cqrs';
import type { SignInChannel } from '../common';
import type { Role } from '../roles';

/** Who is calling, as every context's handlers see it. */
export interface AuthenticatedPrincipal {
  readonly accountId: string;
  readonly sessionId: string;
  readonly username: string | null;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** Read from the account at each request: a withdrawn role takes effect at once. */
  readonly roles: readonly Role[];
  readonly channel: SignInChannel;
}

/**
 * The guard's question for every request with a session cookie: whose session is this? Returns null
 * (treat as anonymous, clear the cookie) for an unknown, revoked or timed-out session, a session of
 * the other channel, or an account that is no longer active. Notes the request for the idle timeout.
 * A command, not a query: it writes `lastSeenAt` (at most once a minute).
 */
export class AuthenticateSession extends Command<AuthenticatedPrincipal | null> {
  constructor(
    readonly sessionToken: string,
    readonly channel: SignInChannel,
  ) {
    super();
  }
}
