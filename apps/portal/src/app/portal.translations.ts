import { defineTranslations, type TranslationKey } from '@guichet/shared/ui';

/** The public portal's words; the French ones are the seed manuals' own. */
export const PORTAL_TRANSLATIONS = defineTranslations({
  fr: {
    'app.name': 'Guichet',
    'nav.label': 'Navigation principale',
    'nav.invoices': 'Mes factures',
    'nav.sessions': 'Sessions',
    'home.title': 'Bienvenue au Guichet',
    'home.intro':
      'Le Guichet réunit en un seul endroit les services en ligne offerts aux formateurs, aux parents, aux apprenants et aux établissements.',
    'home.services': 'Nos services',
    'home.cardRequests.name': 'Demande de cartes de formation',
    'home.cardRequests.description':
      'Les formateurs et moniteurs demandent les cartes des participants à leurs sessions de formation et les paient en ligne.',
    'home.registrations.name': 'Inscriptions aux activités scolaires',
    'home.registrations.description':
      'Les parents inscrivent leurs enfants aux activités et aux campagnes de financement de l’école, puis paient en ligne.',
    'home.examinations.name': 'Examens en point de service',
    'home.examinations.description':
      'Les opérateurs de point de service confirment l’identité des apprenants et autorisent leurs examens en ligne.',
    'home.seats.name': 'Achat de places de cours',
    'home.seats.description': 'Les établissements achètent des places de cours et les assignent à leurs participants.',
  },
  en: {
    'app.name': 'Guichet',
    'nav.label': 'Main navigation',
    'nav.invoices': 'My invoices',
    'nav.sessions': 'Sessions',
    'home.title': 'Welcome to Guichet',
    'home.intro': 'Guichet brings together in one place the online services for trainers, parents, learners and institutions.',
    'home.services': 'Our services',
    'home.cardRequests.name': 'Training card requests',
    'home.cardRequests.description':
      'Trainers and instructors request the cards of the participants in their training sessions and pay online.',
    'home.registrations.name': 'School activity registrations',
    'home.registrations.description':
      'Parents register their children for school activities and fundraising campaigns, then pay online.',
    'home.examinations.name': 'Service point exams',
    'home.examinations.description': 'Service point operators confirm learners’ identity and authorize their online exams.',
    'home.seats.name': 'Course seat purchases',
    'home.seats.description': 'Institutions buy course seats and assign them to their participants.',
  },
});

export type PortalKey = TranslationKey<typeof PORTAL_TRANSLATIONS>;
