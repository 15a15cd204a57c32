import type { Routes } from '@angular/router';
import { sessionGuard } from '@guichet/portal/accounts/data-access';
import { ACCOUNT_PATHS } from './shared/account-paths';

const path = (full: string): string => full.replace(/^\//, '');

// Pages are loaded on demand: the home page's first load stays within budget (ALTCHA alone is large).
const signIn = () => import('./sign-in/sign-in.page').then((m) => m.SignInPage);
const forgotPassword = () => import('./forgot-password/forgot-password.page').then((m) => m.ForgotPasswordPage);
const newPassword = () => import('./new-password/new-password.page').then((m) => m.NewPasswordPage);
const confirmLink = () => import('./confirm-email/confirm-link.page').then((m) => m.ConfirmLinkPage);
const profile = () => import('./profile/profile.page').then((m) => m.ProfilePage);
const register = () => import('./register/register.page').then((m) => m.RegisterPage);

/** Titles are translation keys (the kit's TranslatedTitleStrategy). */
function commonRoutes(): Routes {
  return [
    { path: path(ACCOUNT_PATHS.signIn), title: 'accounts.signIn.title', loadComponent: signIn },
    { path: path(ACCOUNT_PATHS.forgotPassword), title: 'accounts.forgot.title', loadComponent: forgotPassword },
    { path: path(ACCOUNT_PATHS.newPassword), title: 'accounts.newPassword.title', loadComponent: newPassword },
    {
      path: path(ACCOUNT_PATHS.confirmEmailChange),
      title: 'accounts.confirmChange.title',
      loadComponent: confirmLink,
      data: { link: 'email-change' },
    },
    {
      path: path(ACCOUNT_PATHS.profile),
      title: 'accounts.profile.title',
      loadComponent: profile,
      canActivate: [sessionGuard(ACCOUNT_PATHS.signIn)],
    },
  ];
}

/** The portal's account pages, under `/compte/…`. */
export const portalAccountRoutes: Routes = [
  ...commonRoutes(),
  { path: path(ACCOUNT_PATHS.register), title: 'accounts.register.title', loadComponent: register },
  { path: path(ACCOUNT_PATHS.confirmEmail), title: 'accounts.confirm.title', loadComponent: confirmLink, data: { link: 'registration' } },
];

/** The back-office's: staff sign in, recover their password and keep their profile; no registration. */
export const backOfficeAccountRoutes: Routes = commonRoutes();
