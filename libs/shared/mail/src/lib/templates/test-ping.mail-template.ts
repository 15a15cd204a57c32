import { defineMailTemplate } from './mail-template';

/** A harmless mail for tests and for checking a deployment's mail path end to end. */
export const TestPingMail = defineMailTemplate({
  name: 'test.ping',
  params: ['name', 'link'],
  fr: {
    subject: 'Essai de courriel pour {{name}}',
    text: 'Bonjour {{name}},\n\nCeci est un courriel d’essai de Guichet.\nLien : {{link}}',
    html: '<p>Bonjour {{name}},</p>\n<p>Ceci est un courriel d’essai de Guichet.</p>\n<p><a href="{{link}}">Ouvrir le lien d’essai</a></p>',
  },
  en: {
    subject: 'Test email for {{name}}',
    text: 'Hello {{name}},\n\nThis is a test email from Guichet.\nLink: {{link}}',
    html: '<p>Hello {{name}},</p>\n<p>This is a test email from Guichet.</p>\n<p><a href="{{link}}">Open the test link</a></p>',
  },
});
