import type { AccountMailMessage } from '@guichet/accounts/application';
import { InMemoryMailOutbox } from '@guichet/shared/application';
import { checkMailParams, MailTemplateRegistry } from '@guichet/shared/mail';
import { ACCOUNT_MAIL_TEMPLATES } from './account-mail.templates';
import { OutboxAccountMail } from './outbox-account-mail';

describe('OutboxAccountMail', () => {
  const outbox = new InMemoryMailOutbox();
  const mail = new OutboxAccountMail(outbox, { publicUrl: 'https://guichet.test/' });
  const registry = new MailTemplateRegistry([...ACCOUNT_MAIL_TEMPLATES]);

  const messages: AccountMailMessage[] = [
    { template: 'email-confirmation', to: 'a@exemple.qc.ca', lang: 'fr', token: 'tok/1' },
    { template: 'account-already-exists', to: 'a@exemple.qc.ca', lang: 'en' },
    { template: 'password-reset', to: 'a@exemple.qc.ca', lang: 'fr', token: 'tok2', username: 'ethc003', audience: 'back-office' },
    { template: 'set-password', to: 'a@exemple.qc.ca', lang: 'en', token: 'tok3', username: null, firstName: null, audience: 'portal' },
    { template: 'password-changed', to: 'a@exemple.qc.ca', lang: 'fr' },
    { template: 'email-change-confirmation', to: 'n@exemple.qc.ca', lang: 'fr', token: 'tok4' },
    { template: 'email-changed', to: 'a@exemple.qc.ca', lang: 'fr', newEmailMasked: 'n•@exemple.qc.ca' },
  ];

  it.each(messages.map((m) => [m.template, m] as const))('maps %s to a registered template with exactly its parameters', async (_name, message) => {
    const mapped = mail.toMailMessage(message);
    expect(mapped.template).toBe(`accounts.${message.template}`);
    expect(() => checkMailParams(registry.get(mapped.template), mapped.params)).not.toThrow();
    await mail.send(message);
    expect(outbox.sent.at(-1)).toEqual(mapped);
  });

  it('puts the token in the link fragment, under the back-office path for staff', () => {
    expect(mail.toMailMessage(messages[0]).params).toEqual({ link: 'https://guichet.test/compte/confirmer#jeton=tok%2F1' });
    expect(mail.toMailMessage(messages[2]).params).toEqual({
      link: 'https://guichet.test/admin/compte/nouveau-mot-de-passe#jeton=tok2',
      usernameLine: 'Votre nom d’utilisateur : ethc003.',
    });
  });
});
