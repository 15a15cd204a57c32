import { DOCUMENT, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { AccountsApi } from './accounts.api';
import type { Me, SignInChannel, SignInForm } from './accounts.models';

/** Which sign-in the app offers: `portal` for the public, `back-office` for staff only. */
export const SIGN_IN_CHANNEL = new InjectionToken<SignInChannel>('SIGN_IN_CHANNEL', { factory: () => 'portal' });

/**
 * Remembers (per channel, in localStorage) that this browser signed in, so a signed-out visit does not
 * start with a 401 from /api/auth/me. It holds no secret: the session itself is an httpOnly cookie.
 */
const SESSION_HINT_KEY = 'guichet.session.';

/** The signed-in person, as a signal; null when signed out. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AccountsApi);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;
  private readonly current = signal<Me | null>(null);

  readonly channel = inject(SIGN_IN_CHANNEL);
  readonly me = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);

  /** At start: asks the API who is signed in, if this browser signed in earlier. */
  async restore(): Promise<void> {
    if (this.readHint() !== null) await this.refresh();
  }

  async signIn(form: SignInForm): Promise<Me> {
    const me = await this.api.signIn(form, this.channel);
    this.accept(me);
    return me;
  }

  /** « Déconnexion »: the server revokes the session; the page forgets it even if the call fails. */
  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      this.forget();
    }
  }

  /** Asks the API who is signed in (also after a change of name, so the name top right follows); forgets on failure. */
  async refresh(): Promise<void> {
    try {
      this.accept(await this.api.me());
    } catch {
      this.forget();
    }
  }

  /** The API said 401: the session ended on the server (timeout, password reset elsewhere). */
  forget(): void {
    this.current.set(null);
    this.storage?.removeItem(SESSION_HINT_KEY + this.channel);
  }

  private accept(me: Me): void {
    this.current.set(me);
    this.storage?.setItem(SESSION_HINT_KEY + this.channel, '1');
  }

  private readHint(): string | null {
    try {
      return this.storage?.getItem(SESSION_HINT_KEY + this.channel) ?? null;
    } catch {
      return null;
    }
  }
}
