/**
 * The account pages' paths, the same in the portal and in the back-office (under its base href).
 * The mailed links use three of them (`ACCOUNT_LINK_PATHS` of the application layer): keep in step.
 */
export const ACCOUNT_PATHS = {
  signIn: '/compte/connexion',
  register: '/compte/inscription',
  confirmEmail: '/compte/confirmer',
  forgotPassword: '/compte/mot-de-passe-oublie',
  newPassword: '/compte/nouveau-mot-de-passe',
  confirmEmailChange: '/compte/confirmer-courriel',
  profile: '/compte/profil',
} as const;
