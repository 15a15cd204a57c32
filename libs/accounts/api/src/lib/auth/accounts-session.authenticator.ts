import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AuthenticateSession, type SignInChannel } from '@guichet/accounts/contracts';
import { SessionAuthenticator, type Principal } from '@guichet/shared/auth';

const CHANNELS: readonly SignInChannel[] = ['portal', 'back-office'];

/** Session tokens we issue are short; anything longer is not ours and is not looked up. */
const MAX_TOKEN_LENGTH = 256;

/**
 * The guard's port, answered by the `AuthenticateSession` command. One cookie serves both apps, and
 * a session belongs to the channel it was opened on: the portal is tried first, then the back-office
 * (the handler refuses a session of the other channel without touching it).
 */
@Injectable()
export class AccountsSessionAuthenticator extends SessionAuthenticator {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    for (const channel of CHANNELS) {
      const principal = await this.commands.execute(new AuthenticateSession(token, channel));
      if (principal !== null) return { ...principal, roles: [...principal.roles] };
    }
    return null;
  }
}
