import { Module, type DynamicModule, type ModuleMetadata, type Provider, type Type } from '@nestjs/common';
import { MailOutbox } from '@guichet/shared/application';
import { AppConfig } from '@guichet/shared/config';
import { MailAttachmentRegistry, MailAttachmentResolver } from './attachments/mail-attachment';
import { MailParamsCipher } from './outbox/mail-params.cipher';
import { OutboxMailOutbox } from './outbox/outbox-mail-outbox';
import { MailTransport, SmtpMailTransport } from './sending/mail-transport';
import { MailSenderSettings, SendRequestedMail } from './sending/send-requested-mail.handler';
import type { MailTemplate } from './templates/mail-template';
import { MailTemplateRegistry } from './templates/mail-template.registry';
import { TestPingMail } from './templates/test-ping.mail-template';

export interface MailModuleOptions {
  /** `api` may request mail; `worker` may request mail too (policies do) and sends it. */
  readonly role: 'api' | 'worker';
  /** Templates known from the start, besides `test.ping`; contexts usually use `forFeature`. */
  readonly templates?: readonly MailTemplate[];
}

/** What a context registers besides its templates. */
export interface MailFeatureOptions {
  /**
   * Its attachment resolvers (classes extending `MailAttachmentResolver`, one per kind), instantiated
   * here with Nest's injection: they may inject global providers (`QueryBus`, `AppConfig`, …) and the
   * exports of `imports`.
   */
  readonly attachments?: readonly Type<MailAttachmentResolver>[];
  /** Modules whose exports the resolvers need (global modules need not be listed). */
  readonly imports?: ModuleMetadata['imports'];
}

/**
 * Outgoing mail. `forRoot` once per app, after `AppConfigModule`, `PersistenceModule` and
 * `MessagingModule` (all global): it provides `MailOutbox` everywhere and, in the worker, the sender
 * consuming queue `mail`. Each context registers its templates with `forFeature` in its module, in
 * the api and in the worker alike (the api checks a request against the template before storing it),
 * and its attachment resolvers with `forFeature(templates, { attachments: [Resolver] })` likewise (the
 * api checks that an attachment's kind is known; the worker resolves it when sending).
 */
@Module({})
export class MailModule {
  static forRoot(options: MailModuleOptions): DynamicModule {
    const common: Provider[] = [
      { provide: MailTemplateRegistry, useFactory: () => new MailTemplateRegistry([TestPingMail, ...(options.templates ?? [])]) },
      { provide: MailAttachmentRegistry, useFactory: () => new MailAttachmentRegistry() },
      { provide: MailParamsCipher, inject: [AppConfig], useFactory: (config: AppConfig) => MailParamsCipher.fromSecret(config.sessionSecret) },
      { provide: MailOutbox, useClass: OutboxMailOutbox },
    ];
    const worker: Provider[] = [
      { provide: MailTransport, inject: [AppConfig], useFactory: (config: AppConfig) => new SmtpMailTransport(config.smtpUrl) },
      { provide: MailSenderSettings, inject: [AppConfig], useFactory: (config: AppConfig) => new MailSenderSettings(config.mailFrom, config.publicUrl) },
      SendRequestedMail,
    ];
    return {
      module: MailModule,
      global: true,
      providers: options.role === 'worker' ? [...common, ...worker] : common,
      exports: [MailOutbox, MailTemplateRegistry, MailAttachmentRegistry],
    };
  }

  /**
   * Adds a context's templates, and its attachment resolvers if any, to the app's registries (needs
   * `forRoot` in the app): `MailModule.forFeature(BILLING_MAIL_TEMPLATES, { attachments: [InvoicePdfAttachment] })`.
   */
  static forFeature(templates: readonly MailTemplate[], options: MailFeatureOptions = {}): DynamicModule {
    const resolvers = options.attachments ?? [];
    const names = [...templates.map((template) => template.name), ...resolvers.map((resolver) => resolver.name)];
    const token = Symbol(`mail-feature:${names.join(',')}`);
    return {
      module: MailModule,
      imports: [...(options.imports ?? [])],
      providers: [
        ...resolvers,
        {
          provide: token,
          inject: [MailTemplateRegistry, MailAttachmentRegistry, ...resolvers],
          useFactory: (registry: MailTemplateRegistry, attachmentRegistry: MailAttachmentRegistry, ...instances: MailAttachmentResolver[]) => {
            registry.register(templates);
            attachmentRegistry.register(instances);
            return templates;
          },
        },
      ],
    };
  }
}
