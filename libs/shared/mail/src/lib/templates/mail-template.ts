import { MAIL_LANGUAGES, type MailLanguage } from '@guichet/shared/application';

/** One language version of a template. Placeholders are `{{paramName}}`. */
export interface MailContent {
  /** One line; values are put in as they are, line breaks removed. */
  readonly subject: string;
  /** text/plain body; values are put in as they are. */
  readonly text: string;
  /**
   * HTML fragment placed in the base layout (no `<html>`, no `<script>`, no `<style>`); values are
   * HTML-escaped. A placeholder that opens an `href`/`src` value must receive an http(s) URL.
   */
  readonly html: string;
}

export interface MailTemplateDefinition<P extends string = string> {
  /** `context.template-name`, e.g. `accounts.password-reset`. */
  readonly name: string;
  /** Every parameter the sender must give, and the only ones it may give. */
  readonly params: readonly P[];
  readonly fr: MailContent;
  readonly en: MailContent;
}

/** A checked template, ready for the registry. */
export interface MailTemplate<P extends string = string> extends MailTemplateDefinition<P> {
  /** Parameters (or `publicUrl`) that open a link: their value must be an http(s) URL. */
  readonly urlParams: readonly string[];
}

/** Given to every template without being declared: the platform's address (`PUBLIC_URL`). */
export const BUILT_IN_MAIL_PARAMS = ['publicUrl'] as const;

/** Thrown when a template definition is wrong: a programming error, caught when the module loads. */
export class InvalidMailTemplate extends TypeError {
  constructor(template: string, problem: string) {
    super(`Mail template "${template}": ${problem}`);
    this.name = 'InvalidMailTemplate';
  }
}

const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PARAM_PATTERN = /^[a-zA-Z][a-zA-Z0-9]*$/;
/** A well-formed placeholder; anything else with `{{` is refused at definition time. */
export const PLACEHOLDER = /\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g;

/**
 * Declares a template. Checks, once, that every placeholder is declared (or built in), that every
 * declared parameter is used in both languages, and that the HTML puts values only where escaping
 * makes them safe: in text, in double-quoted attribute values, and at the very start of an
 * `href`/`src` (then the value must be an http(s) URL, checked when rendering).
 *
 * ```ts
 * export const PasswordResetMail = defineMailTemplate({
 *   name: 'accounts.password-reset',
 *   params: ['firstName', 'resetUrl'],
 *   fr: { subject: 'Réinitialiser votre mot de passe', text: 'Bonjour {{firstName}}, … {{resetUrl}}', html: '<p>Bonjour {{firstName}},</p><p><a href="{{resetUrl}}">Choisir un mot de passe</a></p>' },
 *   en: { subject: 'Reset your password', text: 'Hello {{firstName}}, … {{resetUrl}}', html: '<p>Hello {{firstName}},</p><p><a href="{{resetUrl}}">Choose a password</a></p>' },
 * });
 * ```
 */
export function defineMailTemplate<const P extends string>(definition: MailTemplateDefinition<P>): MailTemplate<P> {
  const { name } = definition;
  if (!NAME_PATTERN.test(name)) throw new InvalidMailTemplate(name, 'the name must look like "context.template-name" (lower kebab-case)');
  const declared = new Set<string>();
  for (const param of definition.params) {
    if (!PARAM_PATTERN.test(param)) throw new InvalidMailTemplate(name, `parameter "${param}" must be a camelCase identifier`);
    if ((BUILT_IN_MAIL_PARAMS as readonly string[]).includes(param)) throw new InvalidMailTemplate(name, `"${param}" is built in; do not declare it`);
    if (declared.has(param)) throw new InvalidMailTemplate(name, `parameter "${param}" is declared twice`);
    declared.add(param);
  }
  const known = new Set<string>([...declared, ...BUILT_IN_MAIL_PARAMS]);
  const urlParams = new Set<string>();
  for (const lang of MAIL_LANGUAGES) {
    const content = definition[lang];
    if (!content || [content.subject, content.text, content.html].some((part) => typeof part !== 'string' || part.trim() === '')) {
      throw new InvalidMailTemplate(name, `the ${lang} version needs a subject, a text and an html part`);
    }
    const used = new Set<string>();
    for (const part of ['subject', 'text', 'html'] as const) {
      for (const param of placeholdersOf(name, lang, part, content[part])) {
        if (!known.has(param)) throw new InvalidMailTemplate(name, `{{${param}}} in the ${lang} ${part} is not a declared parameter`);
        used.add(param);
      }
    }
    for (const param of declared) {
      if (!used.has(param)) throw new InvalidMailTemplate(name, `parameter "${param}" is not used in the ${lang} version`);
    }
    checkHtml(name, lang, content.html, urlParams);
  }
  return Object.freeze({
    name,
    params: Object.freeze([...definition.params]),
    fr: Object.freeze({ ...definition.fr }),
    en: Object.freeze({ ...definition.en }),
    urlParams: Object.freeze([...urlParams]),
  });
}

function placeholdersOf(name: string, lang: MailLanguage, part: string, source: string): string[] {
  const names = [...source.matchAll(PLACEHOLDER)].map((match) => match[1]);
  const braces = source.split('{{').length - 1;
  if (braces !== names.length || source.replace(PLACEHOLDER, '').includes('}}')) {
    throw new InvalidMailTemplate(name, `the ${lang} ${part} has a malformed placeholder (write {{paramName}})`);
  }
  return names;
}

/** Where a placeholder sits in the HTML decides how its value is made safe. */
function checkHtml(name: string, lang: MailLanguage, html: string, urlParams: Set<string>): void {
  if (/<\s*\/?\s*(script|style|html|head|body|iframe|object|embed|form)\b/i.test(html)) {
    throw new InvalidMailTemplate(name, `the ${lang} html must be a body fragment without script, style, frames or forms`);
  }
  for (const match of html.matchAll(PLACEHOLDER)) {
    const before = html.slice(0, match.index);
    const insideTag = /<[^<>]*$/.test(before);
    if (!insideTag) continue;
    const attribute = /\s([a-zA-Z-]+)\s*=\s*"([^"]*)$/.exec(before);
    if (!attribute) {
      throw new InvalidMailTemplate(name, `{{${match[1]}}} in the ${lang} html must be text or a double-quoted attribute value`);
    }
    const [, attributeName, valueBefore] = attribute;
    if (/^on/i.test(attributeName) || /^style$/i.test(attributeName)) {
      throw new InvalidMailTemplate(name, `{{${match[1]}}} may not go into the ${attributeName} attribute`);
    }
    if (/^(href|src)$/i.test(attributeName)) {
      if (valueBefore !== '') {
        throw new InvalidMailTemplate(name, `{{${match[1]}}} must open the ${attributeName} value: pass the whole URL as one parameter`);
      }
      urlParams.add(match[1]);
    }
  }
}
