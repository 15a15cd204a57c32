import { Pipe, inject, type PipeTransform } from '@angular/core';
import { I18n, mergeTranslations, translate, type TranslationParams } from '@guichet/shared/ui';
import { ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS } from '../card-desk-nav.translations';
import { CARD_DESK_TRANSLATIONS, type CardDeskPageKey } from '../card-desk.translations';
import { CARD_REQUEST_PAYMENT_METHODS, PARTICIPANT_TITLES, type CardRequestStatus, type LocalizedText, type Participant } from '../data-access/card-requests.models';
import { formatCents, formatDate, formatDateTime } from './money';

/**
 * The card desk's words. They are not in the app's dictionary (that would put them in the initial
 * bundle): this lazily loaded dictionary is read in the language the app's `I18n` holds, so the pages
 * follow a language switch like the rest of the app.
 */
const WORDS = mergeTranslations(ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS, CARD_DESK_TRANSLATIONS);

export type CardDeskKey = CardDeskPageKey | keyof (typeof ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS)['fr'];

/** `{{ 'adminCards.queue.title' | t }}` for the card desk's pages. */
@Pipe({ name: 't', pure: false })
export class CardDeskTranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: CardDeskKey, params?: TranslationParams): string {
    return translate(WORDS, this.i18n.language(), key, params);
  }
}

/** Every action the API writes to a request's history (`appendHistory` in libs/card-requests/application). */
const HISTORY_ACTIONS = [
  'created',
  'updated',
  'participant-added',
  'participant-updated',
  'participant-removed',
  'participants-imported',
  'submitted',
  'invoiced',
  'paid',
  'cards-produced',
  'shipped',
  'canceled',
  'card-reissued',
] as const;

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * Words, money, dates and the API's codes in the page's language (fr-CA / en-CA). Call it in a field
 * initializer; every function reads the language signal, so templates follow a switch.
 */
export function injectCardDeskFormat() {
  const i18n = inject(I18n);
  const t = (key: CardDeskKey, params?: TranslationParams): string => translate(WORDS, i18n.language(), key, params);
  return {
    t,
    money: (cents: number): string => formatCents(cents, i18n.language()),
    dateTime: (iso: string): string => formatDateTime(iso, i18n.language()),
    date: (value: string): string => formatDate(value, i18n.language()),
    /** A « Référentiels » label in the page's language (the other one when it is blank). */
    label: (text: LocalizedText): string => (i18n.language() === 'en' ? text.en || text.fr : text.fr || text.en),
    status: (status: CardRequestStatus): string => t(`adminCards.status.${status}`),
    method: (method: string): string => (includes(CARD_REQUEST_PAYMENT_METHODS, method) ? t(`adminCards.method.${method}`) : method),
    billTo: (billTo: string): string => (billTo === 'organization' ? t('adminCards.billTo.organization') : t('adminCards.billTo.individual')),
    title: (title: string): string => (includes(PARTICIPANT_TITLES, title) ? t(`adminCards.titleCode.${title}`) : title),
    /** « Mme Julie Roy ». */
    person: (participant: Pick<Participant, 'title' | 'firstName' | 'lastName'>): string =>
      `${includes(PARTICIPANT_TITLES, participant.title) ? t(`adminCards.titleCode.${participant.title}`) : participant.title} ${participant.firstName} ${participant.lastName}`,
    /** History actions as words; a code this page does not know yet shows as is rather than vanish. */
    historyAction: (action: string): string => (includes(HISTORY_ACTIONS, action) ? t(`adminCards.history.${action}`) : action),
    actor: (actor: string): string => (actor === 'system' ? t('adminCards.history.system') : actor),
    /** The messages under a field for the local rules (the server's own message wins). */
    fieldMessages: () => ({
      required: t('adminCards.errors.required'),
      amount: t('adminCards.errors.amount'),
      min: t('adminCards.errors.min'),
      max: t('adminCards.errors.max'),
      pattern: t('adminCards.errors.pattern'),
      code: t('adminCards.errors.code'),
      maxlength: t('adminCards.errors.maxlength'),
    }),
  };
}

export type CardDeskFormat = ReturnType<typeof injectCardDeskFormat>;
