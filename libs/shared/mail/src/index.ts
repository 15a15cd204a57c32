export { MailModule, type MailModuleOptions, type MailFeatureOptions } from './lib/mail.module';
export {
  MailAttachmentResolver,
  MailAttachmentRegistry,
  UnknownMailAttachmentKind,
  InvalidMailAttachments,
  checkMailAttachments,
  MAX_MAIL_ATTACHMENTS,
  type MailAttachment,
} from './lib/attachments/mail-attachment';
export {
  defineMailTemplate,
  InvalidMailTemplate,
  BUILT_IN_MAIL_PARAMS,
  type MailContent,
  type MailTemplate,
  type MailTemplateDefinition,
} from './lib/templates/mail-template';
export { MailTemplateRegistry, UnknownMailTemplate } from './lib/templates/mail-template.registry';
export { renderMail, checkMailParams, InvalidMailParams, type RenderedMail, type RenderContext } from './lib/templates/render-mail';
export { escapeHtml } from './lib/templates/escape-html';
export { TestPingMail } from './lib/templates/test-ping.mail-template';
export { MailParamsCipher, UnreadableMailContent, type SealedMailContent } from './lib/outbox/mail-params.cipher';
export { MailRequestedV1, MAIL_QUEUE } from './lib/outbox/mail-requested.event';
export { OutboxMailOutbox } from './lib/outbox/outbox-mail-outbox';
export { CreateMailSchema1763850000000, mailMigrations } from './lib/outbox/mail.migration';
export { MailTransport, SmtpMailTransport, type OutgoingMail } from './lib/sending/mail-transport';
export { SendRequestedMail, MailSenderSettings } from './lib/sending/send-requested-mail.handler';
