import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MailOutbox } from '@guichet/shared/application';
import { AppConfig } from '@guichet/shared/config';
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

/**
 * Outgoing mail. `forRoot` once per app, after `AppConfigModule`, `PersistenceModule` and
 * `MessagingModule` (all global): it provides `MailOutbox` everywhere and, in the worker, the sender
 * consuming queue `mail`. Each context registers its templates with `forFeature` in its module, in
 * the api and in the worker alike (the api checks a request against the template before storing it).
 */
@Module({})
export class MailModule {
  static forRoot(options: MailModuleOptions): DynamicModule {
    const common: Provider[] = [
      { provide: MailTemplateRegistry, useFactory: () => new MailTemplateRegistry([TestPingMail, ...(options.templates ?? [])]) },
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
      exports: [MailOutbox, MailTemplateRegistry],
    };
  }

  /** Adds a context's templates to the app's registry (needs `forRoot` in the app). */
  static forFeature(templates: readonly MailTemplate[]): DynamicModule {
    const token = Symbol(`mail-templates:${templates.map((template) => template.name).join(',')}`);
    return {
      module: MailModule,
      providers: [
        {
          provide: token,
          inject: [MailTemplateRegistry],
          useFactory: (registry: MailTemplateRegistry) => {
            registry.register(templates);
            return templates;
          },
        },
      ],
    };
  }
}
