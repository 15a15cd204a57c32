import { Command } from '@nestjs/cqrs';
import type { ClientInfo, SignInChannel } from '../common';

/** What the controller puts in the session cookie (httpOnly, SameSite=Lax, Secure outside the embedded run). */
export interface SignInResult {
  /** The raw session token: into the cookie, nowhere else (never logged). */
  readonly sessionToken: string;
  readonly sessionId: string;
  readonly accountId: string;
  /** When the session ends at the latest (absolute timeout): the cookie's Expires when remembered. */
  readonly absoluteExpiresAt: string;
  /** True when « Restez connecté pour 14 jours » was honoured: a persistent cookie; else a session cookie. */
  readonly remembered: boolean;
}

/**
 * « Connexion » / « Se connecter » with « Nom d'utilisateur » or « Courriel » and « Mot de passe ».
 * Opens a new session (rotation): `previousSessionToken`, the cookie the browser still had, is revoked.
 *
 * Throws `InvalidCredentials` for an unknown identifier, a wrong password or a locked account (same
 * answer, similar time); `EmailNotConfirmed`, `AccountIsDeactivated` or `NotStaff` (back-office) only
 * after a right password.
 */
export class SignIn extends Command<SignInResult> {
  constructor(
    /** A username (`ethc003`) or an e-mail address: anything with `@` is read as an address. */
    readonly identifier: string,
    readonly password: string,
    readonly channel: SignInChannel,
    /** « Restez connecté pour 14 jours » (portal only). */
    readonly rememberMe: boolean,
    readonly client: ClientInfo,
    readonly previousSessionToken: string | null = null,
  ) {
    super();
  }
}
