export { PdfLibCardsRenderer } from './pdf-lib-cards-renderer';
export {
  CARD_REQUEST_MAIL_TEMPLATES,
  CardRequestSubmittedMail,
  CardRequestCardsProducedMail,
  CardRequestShippedMail,
  CardRequestCanceledMail,
} from './card-request-mail.templates';
export { CardRequestsDocumentsModule } from './card-requests-documents.module';
