import { Pipe } from '@angular/core';
import { TranslatePipe, defineTranslations, type TranslationKey } from '@guichet/shared/ui';

/**
 * The few card-desk words the app needs before a card page is loaded: the home page's navigation and
 * the route titles. The pages' own words (`card-desk.translations.ts`) load with the pages.
 */
export const ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS = defineTranslations({
  fr: {
    'adminCards.nav.label': 'Demandes de cartes',
    'adminCards.queue.title': 'Demandes de cartes',
    'adminCards.request.title': 'Demande de cartes',
    'adminCards.participants.title': 'Recherche de participants',
    'adminCards.reference.title': 'Référentiels',
  },
  en: {
    'adminCards.nav.label': 'Card requests',
    'adminCards.queue.title': 'Card requests',
    'adminCards.request.title': 'Card request',
    'adminCards.participants.title': 'Participant search',
    'adminCards.reference.title': 'Reference data',
  },
});

export type AdminCardRequestsNavKey = TranslationKey<typeof ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS>;

/** The kit's `t` pipe, typed to the navigation's keys. */
@Pipe({ name: 't', pure: false })
export class CardDeskNavTranslatePipe extends TranslatePipe<AdminCardRequestsNavKey> {}
