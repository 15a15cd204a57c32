import { Global, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MailModule } from '../mail.module';
import { MailTemplateRegistry } from '../templates/mail-template.registry';
import { TestPingMail } from '../templates/test-ping.mail-template';
import {
  checkMailAttachments,
  InvalidMailAttachments,
  MailAttachmentRegistry,
  MailAttachmentResolver,
  UnknownMailAttachmentKind,
  type MailAttachment,
} from './mail-attachment';

class NotePdf extends MailAttachmentResolver {
  readonly kind: string = 'test.note-pdf';
  async resolve(ref: string): Promise<MailAttachment> {
    return { filename: `${ref}.pdf`, contentType: 'application/pdf', content: new TextEncoder().encode(`%PDF ${ref}`) };
  }
}

describe('MailAttachmentRegistry', () => {
  it('finds a resolver by kind and refuses an unknown kind', async () => {
    const resolver = new NotePdf();
    const registry = new MailAttachmentRegistry([resolver]);
    expect(registry.get('test.note-pdf')).toBe(resolver);
    expect(registry.kinds()).toEqual(['test.note-pdf']);
    expect(() => registry.get('test.other')).toThrow(UnknownMailAttachmentKind);
  });

  it('accepts the same resolver twice but not two resolvers of one kind, nor a malformed kind', () => {
    const resolver = new NotePdf();
    const registry = new MailAttachmentRegistry([resolver]);
    expect(() => registry.register([resolver])).not.toThrow();
    expect(() => registry.register([new NotePdf()])).toThrow('Two different mail attachment resolvers');
    const bad = new (class extends NotePdf {
      override readonly kind = 'NoDot';
    })();
    expect(() => registry.register([bad])).toThrow(InvalidMailAttachments);
  });
});

describe('checkMailAttachments', () => {
  it('accepts a list of { kind, ref }', () => {
    expect(() => checkMailAttachments([])).not.toThrow();
    expect(() => checkMailAttachments([{ kind: 'billing.invoice-pdf', ref: '0190b5a0-0000-7000-8000-000000000001' }])).not.toThrow();
  });

  it.each([
    ['not an array', { kind: 'a.b', ref: 'x' }],
    ['a string item', ['a.b']],
    ['an extra key', [{ kind: 'a.b', ref: 'x', content: 'JVBERi0=' }]],
    ['a kind without context', [{ kind: 'pdf', ref: 'x' }]],
    ['an empty ref', [{ kind: 'a.b', ref: '' }]],
    ['a ref too long', [{ kind: 'a.b', ref: 'x'.repeat(201) }]],
    ['a ref with a line break', [{ kind: 'a.b', ref: 'x\ny' }]],
    ['too many', Array.from({ length: 11 }, (_, i) => ({ kind: 'a.b', ref: String(i) }))],
  ])('refuses %s', (_case, value) => {
    expect(() => checkMailAttachments(value)).toThrow(InvalidMailAttachments);
  });
});

describe('MailModule.forFeature with attachments', () => {
  @Injectable()
  class Greeting {
    readonly word = 'note';
  }

  @Global()
  @Module({
    providers: [Greeting, { provide: MailTemplateRegistry, useValue: new MailTemplateRegistry() }, { provide: MailAttachmentRegistry, useValue: new MailAttachmentRegistry() }],
    exports: [Greeting, MailTemplateRegistry, MailAttachmentRegistry],
  })
  class FakeMailRoot {}

  @Injectable()
  class InjectedResolver extends MailAttachmentResolver {
    readonly kind = 'test.injected';
    constructor(private readonly greeting: Greeting) {
      super();
    }
    async resolve(ref: string): Promise<MailAttachment> {
      return { filename: `${this.greeting.word}-${ref}.txt`, contentType: 'text/plain', content: new Uint8Array([1]) };
    }
  }

  it('registers the templates and instantiates the resolvers with their dependencies', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeMailRoot, MailModule.forFeature([TestPingMail], { attachments: [InjectedResolver] })] }).compile();
    await moduleRef.init();
    expect(moduleRef.get(MailTemplateRegistry).names()).toEqual(['test.ping']);
    const attachments = moduleRef.get(MailAttachmentRegistry);
    expect(attachments.kinds()).toEqual(['test.injected']);
    await expect(attachments.get('test.injected').resolve('7')).resolves.toMatchObject({ filename: 'note-7.txt' });
    await moduleRef.close();
  });
});
