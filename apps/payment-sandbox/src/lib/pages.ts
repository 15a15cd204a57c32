import type { CardErrorCode, CardField } from './cards';
import type { Lang } from './ledger';

/**
 * The sandbox's own pages (hosted card form, second-step challenge, PayPal checkout), in French or
 * English. Plain HTML and one stylesheet from the sandbox itself: no script, no external resource.
 */

const TEXT = {
  fr: {
    sandboxNotice: 'Environnement de test : aucune somme réelle n’est débitée.',
    cardTitle: 'Paiement par carte',
    amount: 'Montant',
    number: 'Numéro de carte',
    exp: 'Expiration (MM/AA)',
    cvc: 'CVC',
    cvcHint: 'Les 3 ou 4 chiffres au dos de la carte.',
    name: 'Nom sur la carte',
    pay: (amount: string) => `Payer ${amount}`,
    cancel: 'Annuler',
    errorPrefix: 'Erreur : ',
    errorSummary: 'Corrigez les erreurs suivantes',
    challengeTitle: 'Vérification du paiement',
    challengeIntro: 'Votre banque demande de confirmer ce paiement (deuxième étape, bac à sable).',
    card: 'Carte',
    approve: 'Approuver',
    refuse: 'Refuser',
    challengeDone: 'Ce paiement a déjà été vérifié.',
    paypalTitle: 'PayPal (bac à sable)',
    paypalIntro: 'Connecté en tant que p***@exemple.test (compte de test).',
    paypalApprove: 'Approuver le paiement',
    paypalVoided: 'Ce paiement PayPal a été annulé.',
    paypalCompleted: 'Ce paiement PayPal est déjà complété.',
    notFoundTitle: 'Page introuvable',
    notFound: 'Ce paiement n’existe pas ou n’existe plus (le bac à sable garde ses données en mémoire).',
    badRequestTitle: 'Demande invalide',
    back: 'Revenir au site',
  },
  en: {
    sandboxNotice: 'Test environment: no real money is charged.',
    cardTitle: 'Card payment',
    amount: 'Amount',
    number: 'Card number',
    exp: 'Expiry (MM/YY)',
    cvc: 'CVC',
    cvcHint: 'The 3 or 4 digits on the back of the card.',
    name: 'Name on card',
    pay: (amount: string) => `Pay ${amount}`,
    cancel: 'Cancel',
    errorPrefix: 'Error: ',
    errorSummary: 'Please correct the following errors',
    challengeTitle: 'Payment verification',
    challengeIntro: 'Your bank asks you to confirm this payment (second step, sandbox).',
    card: 'Card',
    approve: 'Approve',
    refuse: 'Decline',
    challengeDone: 'This payment has already been verified.',
    paypalTitle: 'PayPal (sandbox)',
    paypalIntro: 'Signed in as p***@exemple.test (test account).',
    paypalApprove: 'Approve payment',
    paypalVoided: 'This PayPal payment was canceled.',
    paypalCompleted: 'This PayPal payment is already completed.',
    notFoundTitle: 'Page not found',
    notFound: 'This payment does not exist or no longer exists (the sandbox keeps its data in memory).',
    badRequestTitle: 'Invalid request',
    back: 'Back to the site',
  },
} as const;

const CARD_ERRORS: Record<Lang, Record<CardErrorCode, string>> = {
  fr: {
    'number-required': 'Indiquez le numéro de carte.',
    'number-invalid': 'Ce numéro de carte n’est pas valide : vérifiez-le.',
    'exp-required': 'Indiquez la date d’expiration.',
    'exp-format': 'Écrivez la date d’expiration au format MM/AA, par exemple 04/29.',
    'exp-past': 'Cette carte est expirée.',
    'cvc-invalid': 'Le CVC compte 3 ou 4 chiffres.',
  },
  en: {
    'number-required': 'Enter the card number.',
    'number-invalid': 'This card number is not valid: check it.',
    'exp-required': 'Enter the expiry date.',
    'exp-format': 'Write the expiry date as MM/YY, for example 04/29.',
    'exp-past': 'This card has expired.',
    'cvc-invalid': 'The CVC has 3 or 4 digits.',
  },
};

/** Messages of the hosted page's invalid requests (bad parameters), by code. */
export const REQUEST_ERRORS: Record<Lang, Record<'pk' | 'amount' | 'currency' | 'return_url' | 'cancel_url', string>> = {
  fr: {
    pk: 'La clé publique du marchand est absente ou invalide.',
    amount: 'Le montant est absent ou invalide.',
    currency: 'Seuls les dollars canadiens (CAD) sont acceptés.',
    return_url: 'L’adresse de retour est absente ou invalide.',
    cancel_url: 'L’adresse d’annulation est absente ou invalide.',
  },
  en: {
    pk: 'The merchant’s publishable key is missing or invalid.',
    amount: 'The amount is missing or invalid.',
    currency: 'Only Canadian dollars (CAD) are accepted.',
    return_url: 'The return address is missing or invalid.',
    cancel_url: 'The cancel address is missing or invalid.',
  },
};

export const STYLESHEET = `
:root { color-scheme: light; --ink: #1c1b1f; --muted: #49454f; --accent: #0b57d0; --error: #b3261e; --line: #79747e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f3f3f6; }
main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 20%); }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.notice { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid #8a6d00; background: #fff8e1; }
.amount { font-size: 1.25rem; font-weight: 600; margin: 0 0 1rem; }
.field { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint { margin: 0 0 .25rem; color: var(--muted); font-size: .9rem; }
input[type=text] { width: 100%; padding: .6rem .75rem; font: inherit; border: 1px solid var(--line); border-radius: 6px; }
input[aria-invalid=true] { border: 2px solid var(--error); }
.field-error { margin: .25rem 0 0; color: var(--error); font-weight: 600; }
.error-summary { margin: 0 0 1rem; padding: .75rem 1rem; border: 3px solid var(--error); border-radius: 6px; }
.error-summary a { color: var(--error); }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1.25rem; }
.actions form { margin: 0; }
button { font: inherit; font-weight: 600; padding: .6rem 1.25rem; border-radius: 20px; border: 2px solid var(--accent); cursor: pointer; }
button.primary { background: var(--accent); color: #fff; }
button.secondary { background: #fff; color: var(--accent); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 3px; box-shadow: 0 0 0 6px #ffd54f; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** « 12,34 $ » in French, "$12.34" in English (plain spaces, so the button's name reads as written). */
export function formatAmount(cents: number, lang: Lang): string {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? ' ' : ',');
  return lang === 'fr' ? `${grouped},${fraction} $` : `$${grouped}.${fraction}`;
}

/**
 * The pages' Content-Security-Policy: nothing but the sandbox's own stylesheet, no script, no frame, and
 * forms may go only to the sandbox and then (redirects count) to the merchant's return and cancel addresses.
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  const origins = [...new Set(formTargets.map((url) => new URL(url).origin))];
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self'${origins.map((o) => ` ${o}`).join('')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function layout(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/sandbox.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface CardPageParams {
  readonly pk: string;
  readonly amount: number;
  readonly currency: string;
  readonly lang: Lang;
  readonly reference: string;
  readonly returnUrl: string;
  readonly cancelUrl: string;
}

export interface CardPageState {
  readonly values?: { readonly number?: string; readonly exp?: string; readonly name?: string };
  readonly errors?: Partial<Record<CardField, CardErrorCode>>;
}

const FIELD_IDS: Record<CardField, string> = { number: 'card-number', exp: 'card-exp', cvc: 'card-cvc' };

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

export function cardPage(params: CardPageParams, state: CardPageState = {}): string {
  const t = TEXT[params.lang];
  const errors = state.errors ?? {};
  const messages = CARD_ERRORS[params.lang];
  const invalid = (Object.keys(FIELD_IDS) as CardField[]).filter((f) => errors[f]);
  const amount = formatAmount(params.amount, params.lang);

  const input = (field: CardField | 'name', attrs: { label: string; autocomplete: string; value?: string; hint?: string; extra?: string }) => {
    const id = field === 'name' ? 'card-name' : FIELD_IDS[field];
    const error = field === 'name' ? undefined : errors[field];
    const describedBy = [attrs.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
    const attributes = [
      `type="text" id="${id}" name="${field}" autocomplete="${attrs.autocomplete}" value="${escapeHtml(attrs.value ?? '')}"`,
      describedBy ? `aria-describedby="${describedBy}"` : '',
      error ? 'aria-invalid="true"' : '',
      error && invalid[0] === field ? 'autofocus' : '',
      attrs.extra ?? '',
    ];
    return [
      '<div class="field">',
      `<label for="${id}">${escapeHtml(attrs.label)}</label>`,
      attrs.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(attrs.hint)}</p>` : '',
      `<input ${attributes.filter(Boolean).join(' ')}>`,
      error ? `<p class="field-error" id="${id}-error">${escapeHtml(messages[error])}</p>` : '',
      '</div>',
    ]
      .filter(Boolean)
      .join('\n');
  };

  const summary =
    invalid.length === 0
      ? ''
      : `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escapeHtml(t.errorSummary)}</h2>
<ul>
${invalid.map((f) => `<li><a href="#${FIELD_IDS[f]}">${escapeHtml(messages[errors[f] as CardErrorCode])}</a></li>`).join('\n')}
</ul>
</div>`;

  const body = `<h1>${escapeHtml(t.cardTitle)}</h1>
<p class="notice">${escapeHtml(t.sandboxNotice)}</p>
<p class="amount">${escapeHtml(t.amount)}${params.lang === 'fr' ? ' :' : ':'} ${escapeHtml(amount)}</p>
${summary}
<form method="post" action="/hosted/card" novalidate>
${hidden('pk', params.pk)}
${hidden('amount', String(params.amount))}
${hidden('currency', params.currency)}
${hidden('lang', params.lang)}
${hidden('reference', params.reference)}
${hidden('return_url', params.returnUrl)}
${hidden('cancel_url', params.cancelUrl)}
${input('number', { label: t.number, autocomplete: 'cc-number', value: state.values?.number, extra: 'inputmode="numeric" spellcheck="false"' })}
${input('exp', { label: t.exp, autocomplete: 'cc-exp', value: state.values?.exp, extra: 'inputmode="numeric"' })}
${input('cvc', { label: t.cvc, autocomplete: 'cc-csc', hint: t.cvcHint, extra: 'inputmode="numeric" maxlength="4"' })}
${input('name', { label: t.name, autocomplete: 'cc-name', value: state.values?.name })}
<div class="actions">
<button type="submit" class="primary" name="action" value="pay">${escapeHtml(t.pay(amount))}</button>
<button type="submit" class="secondary" name="action" value="cancel">${escapeHtml(t.cancel)}</button>
</div>
</form>`;
  const title = `${invalid.length > 0 ? t.errorPrefix : ''}${t.cardTitle} — ${amount}`;
  return layout(params.lang, title, body);
}

export function challengePage(charge: { id: string; amount: number; brand: string; last4: string; lang: Lang; status: string }): string {
  const t = TEXT[charge.lang];
  const amount = formatAmount(charge.amount, charge.lang);
  const colon = charge.lang === 'fr' ? ' :' : ':';
  const decided = charge.status !== 'requires_action';
  const action = `/hosted/challenge/${encodeURIComponent(charge.id)}`;
  const body = `<h1>${escapeHtml(t.challengeTitle)}</h1>
<p class="notice">${escapeHtml(t.sandboxNotice)}</p>
<p>${escapeHtml(decided ? t.challengeDone : t.challengeIntro)}</p>
<dl>
<dt>${escapeHtml(t.amount)}${colon}</dt><dd>${escapeHtml(amount)}</dd>
<dt>${escapeHtml(t.card)}${colon}</dt><dd>${escapeHtml(`${charge.brand} •••• ${charge.last4}`)}</dd>
</dl>
<div class="actions">
<form method="post" action="${action}">${hidden('decision', 'approve')}<button type="submit" class="primary">${escapeHtml(t.approve)}</button></form>
<form method="post" action="${action}">${hidden('decision', 'refuse')}<button type="submit" class="secondary">${escapeHtml(t.refuse)}</button></form>
</div>`;
  return layout(charge.lang, t.challengeTitle, body);
}

export function paypalCheckoutPage(order: { id: string; amount: number; lang: Lang; status: string }): string {
  const t = TEXT[order.lang];
  const amount = formatAmount(order.amount, order.lang);
  const colon = order.lang === 'fr' ? ' :' : ':';
  const action = `/paypal/checkout/${encodeURIComponent(order.id)}`;
  const open = order.status === 'CREATED' || order.status === 'APPROVED';
  const state = order.status === 'VOIDED' ? t.paypalVoided : order.status === 'COMPLETED' ? t.paypalCompleted : t.paypalIntro;
  const body = `<h1>${escapeHtml(t.paypalTitle)}</h1>
<p class="notice">${escapeHtml(t.sandboxNotice)}</p>
<p>${escapeHtml(state)}</p>
<dl>
<dt>${escapeHtml(t.amount)}${colon}</dt><dd>${escapeHtml(amount)}</dd>
</dl>
${
  open
    ? `<div class="actions">
<form method="post" action="${action}">${hidden('action', 'approve')}<button type="submit" class="primary">${escapeHtml(t.paypalApprove)}</button></form>
<form method="post" action="${action}">${hidden('action', 'cancel')}<button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>
</div>`
    : ''
}`;
  return layout(order.lang, t.paypalTitle, body);
}

export function messagePage(lang: Lang, kind: 'not-found' | 'bad-request', detail?: string, backUrl?: string): string {
  const t = TEXT[lang];
  const title = kind === 'not-found' ? t.notFoundTitle : t.badRequestTitle;
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail ?? t.notFound)}</p>
${backUrl ? `<p><a href="${escapeHtml(backUrl)}">${escapeHtml(t.back)}</a></p>` : ''}`;
  return layout(lang, title, body);
}
