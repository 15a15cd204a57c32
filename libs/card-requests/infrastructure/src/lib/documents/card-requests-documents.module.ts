import { CardsPdfRenderer } from '@guichet/card-requests/application';
import { MailModule } from '@guichet/shared/mail';
import { Module } from '@nestjs/common';
import { CARD_REQUEST_MAIL_TEMPLATES } from './card-request-mail.templates';
import { PdfLibCardsRenderer } from './pdf-lib-cards-renderer';

/**
 * The card requests' documents and mails: the cards PDF (`CardsPdfRenderer` → pdf-lib) and the four
 * mail templates (`card-requests.submitted`, `.cards-produced`, `.shipped`, `.canceled`). Import it in
 * the api AND the worker (both check or send those mails); needs `MailModule.forRoot(...)` in the app.
 */
@Module({
  imports: [MailModule.forFeature(CARD_REQUEST_MAIL_TEMPLATES)],
  providers: [{ provide: CardsPdfRenderer, useClass: PdfLibCardsRenderer }],
  exports: [CardsPdfRenderer],
})
export class CardRequestsDocumentsModule {}
