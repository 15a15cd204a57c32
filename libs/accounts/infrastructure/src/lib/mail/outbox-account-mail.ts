import { ACCOUNT_LINK_PATHS, AccountMail, type AccountMailMessage, type LinkAudience } from '@guichet/accounts/application';
import { MailOutbox, type MailMessage } from '@guichet/shared/application';
import type { Lang } from '@guichet/shared/kernel';
import { Injectable } from '@nestjs/common';

/** The platform's public address; the back-office is served under `/admin`. */
export abstract class AccountLinkSettings {
  /** `PUBLIC_URL`, without a trailing slash. */
  abstract readonly publicUrl: string;
}

const BACK_OFFICE_PATH = '/admin';
const FORGOT_PASSWORD_PATH = '/compte/mot-de-passe-oublie';

/**
 * Accounts' mails through the shared `MailOutbox`: template `accounts.<template>`, the link built as
 * base URL + screen path + `#jeton=<token>` (a fragment reaches neither server logs nor `Referer`).
 * The outbox seals the parameters, so the token is stored encrypted only; nothing here logs.
 */
@Injectable()
export class OutboxAccountMail extends AccountMail {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly settings: AccountLinkSettings,
  ) {
    super();
  }

  send(message: AccountMailMessage): Promise<void> {
    return this.outbox.send(this.toMailMessage(message));
  }

  /** Exposed for the unit spec: what goes to the outbox. */
  toMailMessage(message: AccountMailMessage): MailMessage {
    const base = { to: message.to, lang: message.lang, template: `accounts.${message.template}` };
    switch (message.template) {
      case 'email-confirmation':
      case 'email-change-confirmation':
        return { ...base, params: { link: this.link(message.template, 'portal', message.token) } };
      case 'account-already-exists':
      case 'password-changed':
        return { ...base, params: { forgotPasswordLink: `${this.base('portal')}${FORGOT_PASSWORD_PATH}` } };
      case 'password-reset':
        return {
          ...base,
          params: { link: this.link('password-reset', message.audience, message.token), usernameLine: usernameLine(message.username, message.lang) },
        };
      case 'set-password':
        return {
          ...base,
          params: {
            link: this.link('set-password', message.audience, message.token),
            greetingName: message.firstName ?? '',
            usernameLine: usernameLine(message.username, message.lang),
          },
        };
      case 'email-changed':
        return { ...base, params: { newEmailMasked: message.newEmailMasked } };
    }
  }

  private link(template: keyof typeof ACCOUNT_LINK_PATHS, audience: LinkAudience, token: string): string {
    return `${this.base(audience)}${ACCOUNT_LINK_PATHS[template]}#jeton=${encodeURIComponent(token)}`;
  }

  private base(audience: LinkAudience): string {
    const root = this.settings.publicUrl.replace(/\/+$/, '');
    return audience === 'back-office' ? `${root}${BACK_OFFICE_PATH}` : root;
  }
}

function usernameLine(username: string | null, lang: Lang): string {
  if (username === null) return '';
  return lang === 'en' ? `Your username: ${username}.` : `Votre nom d’utilisateur : ${username}.`;
}
