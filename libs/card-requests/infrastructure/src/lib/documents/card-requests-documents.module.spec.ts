import { CardsPdfRenderer } from '@guichet/card-requests/application';
import { MailAttachmentRegistry, MailTemplateRegistry } from '@guichet/shared/mail';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CardRequestsDocumentsModule } from './card-requests-documents.module';
import { PdfLibCardsRenderer } from './pdf-lib-cards-renderer';

/** What the app gives: the mail registries of `MailModule.forRoot`. */
@Global()
@Module({
  providers: [
    { provide: MailTemplateRegistry, useValue: new MailTemplateRegistry() },
    { provide: MailAttachmentRegistry, useValue: new MailAttachmentRegistry() },
  ],
  exports: [MailTemplateRegistry, MailAttachmentRegistry],
})
class FakeAppModule {}

describe('CardRequestsDocumentsModule', () => {
  it('binds the cards renderer to pdf-lib and registers the four mail templates', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeAppModule, CardRequestsDocumentsModule] }).compile();
    await moduleRef.init();
    const renderer = moduleRef.get(CardsPdfRenderer, { strict: false });
    expect(renderer).toBeInstanceOf(PdfLibCardsRenderer);
    expect(moduleRef.get(MailTemplateRegistry).names()).toEqual(['card-requests.canceled', 'card-requests.cards-produced', 'card-requests.shipped', 'card-requests.submitted']);
    await moduleRef.close();
  });
});
