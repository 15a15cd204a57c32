import type { MailLanguage, MailParamValue } from '@guichet/shared/application';
import { escapeHtml } from './escape-html';
import { mailLayout } from './mail-layout';
import { PLACEHOLDER, type MailTemplate } from './mail-template';

/** A mail ready for the transport. */
export interface RenderedMail {
  readonly lang: MailLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface RenderContext {
  /** `PUBLIC_URL`, without a trailing slash. */
  readonly publicUrl: string;
}

/**
 * Thrown when the parameters do not fit the template. Names parameters, never their values: they
 * may be secrets.
 */
export class InvalidMailParams extends TypeError {
  constructor(template: string, problem: string) {
    super(`Mail template "${template}": ${problem}`);
    this.name = 'InvalidMailParams';
  }
}

/** Exactly the declared parameters, each a string or a finite number. */
export function checkMailParams(template: MailTemplate, params: Readonly<Record<string, unknown>>): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new InvalidMailParams(template.name, 'params must be an object');
  }
  const missing = template.params.filter((param) => !Object.prototype.hasOwnProperty.call(params, param));
  if (missing.length > 0) throw new InvalidMailParams(template.name, `missing parameters: ${missing.join(', ')}`);
  const unexpected = Object.keys(params).filter((key) => !template.params.includes(key));
  if (unexpected.length > 0) throw new InvalidMailParams(template.name, `unexpected parameters: ${unexpected.join(', ')}`);
  for (const param of template.params) {
    const value = params[param];
    const ok = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new InvalidMailParams(template.name, `parameter "${param}" must be a string or a finite number`);
  }
  for (const param of template.urlParams) {
    if (param in params && !isWebUrl(String(params[param]))) {
      throw new InvalidMailParams(template.name, `parameter "${param}" opens a link and must be an absolute http(s) URL`);
    }
  }
}

/** Renders a template in one language inside the base layout, escaping every value in the HTML. */
export function renderMail(
  template: MailTemplate,
  lang: MailLanguage,
  params: Readonly<Record<string, MailParamValue>>,
  context: RenderContext,
): RenderedMail {
  checkMailParams(template, params);
  const values: Record<string, string> = { publicUrl: context.publicUrl };
  for (const param of template.params) values[param] = String(params[param]);
  const content = template[lang];
  const subject = singleLine(interpolate(content.subject, values, (value) => value));
  const text = interpolate(content.text, values, (value) => value);
  const html = interpolate(content.html, values, escapeHtml);
  return { lang, subject, ...mailLayout({ lang, subject, text, html, publicUrl: context.publicUrl }) };
}

function interpolate(source: string, values: Record<string, string>, encode: (value: string) => string): string {
  // One pass: a value that itself contains `{{x}}` is never expanded again.
  return source.replace(PLACEHOLDER, (_placeholder, name: string) => encode(values[name]));
}

function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what we remove (no header injection)
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
