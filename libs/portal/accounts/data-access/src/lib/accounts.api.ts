import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  Me,
  PasswordChangeForm,
  PasswordResetForm,
  PasswordResetRequestForm,
  Profile,
  RegistrationForm,
  SignInChannel,
  SignInForm,
} from './accounts.models';

/**
 * The Accounts API as the portal and the back-office call it. Paths are absolute (`/api/…`) so that
 * the back-office's base href does not change them and HttpClient's XSRF header is added.
 * Tokens from mailed links go to the API only, in the request body.
 */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  /** Makes sure the browser holds an `XSRF-TOKEN` cookie before its first state-changing request. */
  ensureXsrfCookie(): Promise<void> {
    return firstValueFrom(this.http.get<void>('/api/auth/csrf'));
  }

  me(): Promise<Me> {
    return firstValueFrom(this.http.get<Me>('/api/auth/me'));
  }

  signIn(form: SignInForm, channel: SignInChannel): Promise<Me> {
    return firstValueFrom(
      this.http.post<Me>('/api/auth/sign-in', {
        login: form.login,
        password: form.password,
        remember: channel === 'portal' && form.remember,
        channel,
      }),
    );
  }

  signOut(): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/sign-out', {}));
  }

  register(form: RegistrationForm): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/accounts/registrations', form));
  }

  confirmEmail(token: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/accounts/email-confirmations', { token }));
  }

  requestPasswordReset(form: PasswordResetRequestForm): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-reset-requests', form));
  }

  resetPassword(form: PasswordResetForm): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/auth/password-resets', form));
  }

  profile(): Promise<Profile> {
    return firstValueFrom(this.http.get<Profile>('/api/profile'));
  }

  changeName(firstName: string, lastName: string): Promise<Profile> {
    return firstValueFrom(this.http.patch<Profile>('/api/profile', { firstName, lastName }));
  }

  changePassword(form: PasswordChangeForm): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/profile/password', form));
  }

  requestEmailChange(email: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/profile/email-change-requests', { email }));
  }

  confirmEmailChange(token: string): Promise<void> {
    return firstValueFrom(this.http.post<void>('/api/profile/email-confirmations', { token }));
  }
}
