import { defineTranslations, type TranslationKey } from '@guichet/shared/ui';

/** The staff back-office's words. */
export const ADMIN_TRANSLATIONS = defineTranslations({
  fr: {
    'app.name': 'Guichet – Espace du personnel',
    'home.title': 'Espace du personnel',
    'home.intro':
      'Le personnel traite ici les demandes de cartes, les inscriptions, les examens et les commandes de places de cours.',
    'home.services': 'Services à gérer',
    'home.cardRequests': 'Demande de cartes de formation',
    'home.registrations': 'Inscriptions aux activités scolaires',
    'home.examinations': 'Examens en point de service',
    'home.seats': 'Achat de places de cours',
  },
  en: {
    'app.name': 'Guichet – Staff area',
    'home.title': 'Staff area',
    'home.intro': 'Staff handle card requests, registrations, exams and course seat orders here.',
    'home.services': 'Services to manage',
    'home.cardRequests': 'Training card requests',
    'home.registrations': 'School activity registrations',
    'home.examinations': 'Service point exams',
    'home.seats': 'Course seat purchases',
  },
});

export type AdminKey = TranslationKey<typeof ADMIN_TRANSLATIONS>;
