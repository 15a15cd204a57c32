import { defineMailTemplate } from '@guichet/shared/mail';

const IGNORE_FR = 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel.';
const IGNORE_EN = 'If you did not ask for this, ignore this email.';

export const EmailConfirmationMail = defineMailTemplate({
  name: 'accounts.email-confirmation',
  params: ['link'],
  fr: {
    subject: 'Confirmez votre adresse courriel',
    text: `Bonjour,\n\nPour activer votre compte, confirmez votre adresse courriel en ouvrant ce lien (valide 24 heures) :\n{{link}}\n\n${IGNORE_FR}`,
    html: `<p>Bonjour,</p>\n<p>Pour activer votre compte, confirmez votre adresse courriel (lien valide 24 heures).</p>\n<p><a href="{{link}}">Confirmer mon adresse courriel</a></p>\n<p>${IGNORE_FR}</p>`,
  },
  en: {
    subject: 'Confirm your email address',
    text: `Hello,\n\nTo activate your account, confirm your email address by opening this link (valid for 24 hours):\n{{link}}\n\n${IGNORE_EN}`,
    html: `<p>Hello,</p>\n<p>To activate your account, confirm your email address (link valid for 24 hours).</p>\n<p><a href="{{link}}">Confirm my email address</a></p>\n<p>${IGNORE_EN}</p>`,
  },
});

export const AccountAlreadyExistsMail = defineMailTemplate({
  name: 'accounts.account-already-exists',
  params: ['forgotPasswordLink'],
  fr: {
    subject: 'Vous avez déjà un compte',
    text: `Bonjour,\n\nQuelqu’un (vous, sans doute) a voulu créer un compte avec cette adresse, mais un compte existe déjà.\nMot de passe oublié? {{forgotPasswordLink}}\n\n${IGNORE_FR}`,
    html: `<p>Bonjour,</p>\n<p>Quelqu’un (vous, sans doute) a voulu créer un compte avec cette adresse, mais un compte existe déjà.</p>\n<p><a href="{{forgotPasswordLink}}">J’ai oublié mon mot de passe</a></p>\n<p>${IGNORE_FR}</p>`,
  },
  en: {
    subject: 'You already have an account',
    text: `Hello,\n\nSomeone (probably you) tried to create an account with this address, but one already exists.\nForgot your password? {{forgotPasswordLink}}\n\n${IGNORE_EN}`,
    html: `<p>Hello,</p>\n<p>Someone (probably you) tried to create an account with this address, but one already exists.</p>\n<p><a href="{{forgotPasswordLink}}">I forgot my password</a></p>\n<p>${IGNORE_EN}</p>`,
  },
});

export const PasswordResetMail = defineMailTemplate({
  name: 'accounts.password-reset',
  params: ['link', 'usernameLine'],
  fr: {
    subject: 'Réinitialiser votre mot de passe',
    text: `Bonjour,\n\n{{usernameLine}}\nPour choisir un nouveau mot de passe, ouvrez ce lien (valide 30 minutes, une seule fois) :\n{{link}}\n\n${IGNORE_FR}`,
    html: `<p>Bonjour,</p>\n<p>{{usernameLine}}</p>\n<p>Pour choisir un nouveau mot de passe, ouvrez ce lien (valide 30 minutes, une seule fois).</p>\n<p><a href="{{link}}">Choisir un nouveau mot de passe</a></p>\n<p>${IGNORE_FR}</p>`,
  },
  en: {
    subject: 'Reset your password',
    text: `Hello,\n\n{{usernameLine}}\nTo choose a new password, open this link (valid for 30 minutes, once):\n{{link}}\n\n${IGNORE_EN}`,
    html: `<p>Hello,</p>\n<p>{{usernameLine}}</p>\n<p>To choose a new password, open this link (valid for 30 minutes, once).</p>\n<p><a href="{{link}}">Choose a new password</a></p>\n<p>${IGNORE_EN}</p>`,
  },
});

export const SetPasswordMail = defineMailTemplate({
  name: 'accounts.set-password',
  params: ['link', 'greetingName', 'usernameLine'],
  fr: {
    subject: 'Votre compte est prêt : choisissez votre mot de passe',
    text: `Bonjour {{greetingName}},\n\nUn compte a été créé pour vous. {{usernameLine}}\nChoisissez votre mot de passe en ouvrant ce lien (valide 72 heures, une seule fois) :\n{{link}}`,
    html: `<p>Bonjour {{greetingName}},</p>\n<p>Un compte a été créé pour vous. {{usernameLine}}</p>\n<p>Choisissez votre mot de passe (lien valide 72 heures, une seule fois).</p>\n<p><a href="{{link}}">Choisir mon mot de passe</a></p>`,
  },
  en: {
    subject: 'Your account is ready: choose your password',
    text: `Hello {{greetingName}},\n\nAn account was created for you. {{usernameLine}}\nChoose your password by opening this link (valid for 72 hours, once):\n{{link}}`,
    html: `<p>Hello {{greetingName}},</p>\n<p>An account was created for you. {{usernameLine}}</p>\n<p>Choose your password (link valid for 72 hours, once).</p>\n<p><a href="{{link}}">Choose my password</a></p>`,
  },
});

export const PasswordChangedMail = defineMailTemplate({
  name: 'accounts.password-changed',
  params: ['forgotPasswordLink'],
  fr: {
    subject: 'Votre mot de passe a été changé',
    text: `Bonjour,\n\nLe mot de passe de votre compte vient d’être changé et vos autres sessions ont été fermées.\nSi ce n’est pas vous, choisissez un nouveau mot de passe sans attendre : {{forgotPasswordLink}}`,
    html: `<p>Bonjour,</p>\n<p>Le mot de passe de votre compte vient d’être changé et vos autres sessions ont été fermées.</p>\n<p>Si ce n’est pas vous, <a href="{{forgotPasswordLink}}">choisissez un nouveau mot de passe</a> sans attendre.</p>`,
  },
  en: {
    subject: 'Your password was changed',
    text: `Hello,\n\nYour account’s password was just changed and your other sessions were ended.\nIf this was not you, choose a new password now: {{forgotPasswordLink}}`,
    html: `<p>Hello,</p>\n<p>Your account’s password was just changed and your other sessions were ended.</p>\n<p>If this was not you, <a href="{{forgotPasswordLink}}">choose a new password</a> now.</p>`,
  },
});

export const EmailChangeConfirmationMail = defineMailTemplate({
  name: 'accounts.email-change-confirmation',
  params: ['link'],
  fr: {
    subject: 'Confirmez votre nouvelle adresse courriel',
    text: `Bonjour,\n\nPour que cette adresse devienne celle de votre compte, ouvrez ce lien (valide 24 heures) :\n{{link}}\n\n${IGNORE_FR}`,
    html: `<p>Bonjour,</p>\n<p>Pour que cette adresse devienne celle de votre compte, confirmez-la (lien valide 24 heures).</p>\n<p><a href="{{link}}">Confirmer ma nouvelle adresse</a></p>\n<p>${IGNORE_FR}</p>`,
  },
  en: {
    subject: 'Confirm your new email address',
    text: `Hello,\n\nTo make this address your account’s, open this link (valid for 24 hours):\n{{link}}\n\n${IGNORE_EN}`,
    html: `<p>Hello,</p>\n<p>To make this address your account’s, confirm it (link valid for 24 hours).</p>\n<p><a href="{{link}}">Confirm my new address</a></p>\n<p>${IGNORE_EN}</p>`,
  },
});

export const EmailChangedMail = defineMailTemplate({
  name: 'accounts.email-changed',
  params: ['newEmailMasked'],
  fr: {
    subject: 'L’adresse courriel de votre compte a changé',
    text: `Bonjour,\n\nL’adresse courriel de votre compte est maintenant {{newEmailMasked}}. Si ce n’est pas vous, communiquez avec nous sans attendre.`,
    html: `<p>Bonjour,</p>\n<p>L’adresse courriel de votre compte est maintenant {{newEmailMasked}}. Si ce n’est pas vous, communiquez avec nous sans attendre.</p>`,
  },
  en: {
    subject: 'Your account’s email address changed',
    text: `Hello,\n\nYour account’s email address is now {{newEmailMasked}}. If this was not you, contact us right away.`,
    html: `<p>Hello,</p>\n<p>Your account’s email address is now {{newEmailMasked}}. If this was not you, contact us right away.</p>`,
  },
});

/** Every mail of Accounts: register them with `MailModule.forFeature` (the module does). */
export const ACCOUNT_MAIL_TEMPLATES = [
  EmailConfirmationMail,
  AccountAlreadyExistsMail,
  PasswordResetMail,
  SetPasswordMail,
  PasswordChangedMail,
  EmailChangeConfirmationMail,
  EmailChangedMail,
] as const;
