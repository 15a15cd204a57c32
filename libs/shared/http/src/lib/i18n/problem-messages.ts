import type { Lang } from '@guichet/shared/kernel';

type Localized = Readonly<Record<Lang, string>>;

interface StatusText {
  readonly code: string;
  readonly title: Localized;
  readonly detail: Localized;
}

/** Short titles and generic details per status, for every answer that has no more specific message. */
const STATUS_TEXTS: Readonly<Record<number, StatusText>> = {
  400: {
    code: 'HTTP.BAD_REQUEST',
    title: { fr: 'Requête invalide', en: 'Bad request' },
    detail: { fr: 'La requête est invalide.', en: 'The request is invalid.' },
  },
  401: {
    code: 'HTTP.UNAUTHORIZED',
    title: { fr: 'Authentification requise', en: 'Authentication required' },
    detail: { fr: 'Vous devez vous connecter pour continuer.', en: 'You must sign in to continue.' },
  },
  403: {
    code: 'HTTP.FORBIDDEN',
    title: { fr: 'Accès refusé', en: 'Forbidden' },
    detail: { fr: 'Vous n’avez pas accès à cette ressource.', en: 'You do not have access to this resource.' },
  },
  404: {
    code: 'HTTP.NOT_FOUND',
    title: { fr: 'Introuvable', en: 'Not found' },
    detail: { fr: 'La ressource demandée n’existe pas.', en: 'The requested resource does not exist.' },
  },
  405: {
    code: 'HTTP.METHOD_NOT_ALLOWED',
    title: { fr: 'Méthode non permise', en: 'Method not allowed' },
    detail: { fr: 'Cette méthode n’est pas permise pour cette ressource.', en: 'This method is not allowed for this resource.' },
  },
  406: {
    code: 'HTTP.NOT_ACCEPTABLE',
    title: { fr: 'Format non disponible', en: 'Not acceptable' },
    detail: { fr: 'Le format de réponse demandé n’est pas disponible.', en: 'The requested response format is not available.' },
  },
  409: {
    code: 'HTTP.CONFLICT',
    title: { fr: 'Conflit', en: 'Conflict' },
    detail: { fr: 'La requête entre en conflit avec l’état actuel de la ressource.', en: 'The request conflicts with the current state of the resource.' },
  },
  413: {
    code: 'HTTP.PAYLOAD_TOO_LARGE',
    title: { fr: 'Contenu trop volumineux', en: 'Payload too large' },
    detail: { fr: 'Le contenu de la requête est trop volumineux.', en: 'The request body is too large.' },
  },
  415: {
    code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
    title: { fr: 'Format non pris en charge', en: 'Unsupported media type' },
    detail: { fr: 'Le format du contenu de la requête n’est pas pris en charge.', en: 'The format of the request body is not supported.' },
  },
  422: {
    code: 'HTTP.UNPROCESSABLE',
    title: { fr: 'Demande irrecevable', en: 'Unprocessable request' },
    detail: { fr: 'La demande ne respecte pas une règle du service.', en: 'The request breaks a rule of the service.' },
  },
  429: {
    code: 'HTTP.TOO_MANY_REQUESTS',
    title: { fr: 'Trop de requêtes', en: 'Too many requests' },
    detail: { fr: 'Trop de requêtes; réessayez dans quelques instants.', en: 'Too many requests; try again in a moment.' },
  },
  500: {
    code: 'HTTP.INTERNAL_ERROR',
    title: { fr: 'Erreur interne', en: 'Internal error' },
    detail: {
      fr: 'Une erreur inattendue s’est produite. Réessayez plus tard; si le problème persiste, communiquez avec le soutien en donnant le numéro de requête.',
      en: 'An unexpected error occurred. Try again later; if the problem persists, contact support with the request number.',
    },
  },
  503: {
    code: 'HTTP.SERVICE_UNAVAILABLE',
    title: { fr: 'Service indisponible', en: 'Service unavailable' },
    detail: { fr: 'Le service est temporairement indisponible. Réessayez plus tard.', en: 'The service is temporarily unavailable. Try again later.' },
  },
};

const OTHER_CLIENT_ERROR: StatusText = {
  code: 'HTTP.CLIENT_ERROR',
  title: { fr: 'Requête refusée', en: 'Request refused' },
  detail: { fr: 'La requête ne peut pas être traitée.', en: 'The request cannot be processed.' },
};

const OTHER_SERVER_ERROR: StatusText = { ...STATUS_TEXTS[500], code: 'HTTP.SERVER_ERROR' };

/** Code, title and generic detail for an HTTP status (a 4xx or 5xx). */
export function statusText(status: number): StatusText {
  return STATUS_TEXTS[status] ?? (status >= 500 ? OTHER_SERVER_ERROR : OTHER_CLIENT_ERROR);
}

/** Messages of the problems the HTTP layer itself detects, more precise than the status alone. */
export const HTTP_PROBLEMS = {
  validationFailed: {
    code: 'HTTP.VALIDATION_FAILED',
    detail: { fr: 'Certains champs de la requête sont invalides.', en: 'Some fields of the request are invalid.' },
  },
  malformedJson: {
    code: 'HTTP.MALFORMED_JSON',
    detail: { fr: 'Le contenu de la requête n’est pas du JSON valide.', en: 'The request body is not valid JSON.' },
  },
  payloadTooLarge: {
    code: 'HTTP.PAYLOAD_TOO_LARGE',
    detail: {
      fr: 'Le contenu de la requête dépasse la taille permise ({limit}).',
      en: 'The request body exceeds the allowed size ({limit}).',
    },
  },
} as const satisfies Record<string, { code: string; detail: Localized }>;
