import { defineMailTemplate, InvalidMailTemplate, type MailTemplateDefinition } from './mail-template';
import { MailTemplateRegistry, UnknownMailTemplate } from './mail-template.registry';
import { TestPingMail } from './test-ping.mail-template';

const valid: MailTemplateDefinition<'firstName' | 'resetUrl'> = {
  name: 'accounts.password-reset',
  params: ['firstName', 'resetUrl'],
  fr: { subject: 'Mot de passe', text: 'Bonjour {{firstName}} : {{resetUrl}}', html: '<p>Bonjour {{firstName}}</p><a href="{{resetUrl}}">Lien</a>' },
  en: { subject: 'Password', text: 'Hello {{firstName}}: {{resetUrl}}', html: '<p>Hello {{firstName}}</p><a href="{{resetUrl}}">Link</a>' },
};

function withHtml(html: string): MailTemplateDefinition {
  return { ...valid, fr: { ...valid.fr, html: `${valid.fr.html}${html}` } };
}

describe('defineMailTemplate', () => {
  it('returns a frozen template that knows which parameters open a link', () => {
    const template = defineMailTemplate(valid);
    expect(template.name).toBe('accounts.password-reset');
    expect(template.params).toEqual(['firstName', 'resetUrl']);
    expect(template.urlParams).toEqual(['resetUrl']);
    expect(Object.isFrozen(template)).toBe(true);
    expect(Object.isFrozen(template.fr)).toBe(true);
  });

  it.each(['password-reset', 'Accounts.password-reset', 'accounts.password_reset', 'accounts.reset.v1'])('refuses the name %s', (name) => {
    expect(() => defineMailTemplate({ ...valid, name })).toThrow(InvalidMailTemplate);
  });

  it('refuses an undeclared placeholder, naming it', () => {
    const definition = { ...valid, en: { ...valid.en, text: 'Hello {{firstName}} {{lastName}} {{resetUrl}}' } };
    expect(() => defineMailTemplate(definition)).toThrow('{{lastName}} in the en text is not a declared parameter');
  });

  it('refuses a parameter a language forgets', () => {
    const definition = { ...valid, en: { subject: 'Password', text: 'Hello: {{resetUrl}}', html: '<a href="{{resetUrl}}">Link</a>' } };
    expect(() => defineMailTemplate(definition)).toThrow('parameter "firstName" is not used in the en version');
  });

  it('refuses a missing language part', () => {
    const definition = { ...valid, en: { ...valid.en, html: ' ' } };
    expect(() => defineMailTemplate(definition)).toThrow('the en version needs a subject, a text and an html part');
  });

  it.each(['{{ firstName }}', '{{first-name}}', '{firstName}}', '{{firstName}'])('refuses the malformed placeholder %s', (placeholder) => {
    const definition = { ...valid, fr: { ...valid.fr, text: `${valid.fr.text} ${placeholder}` } };
    expect(() => defineMailTemplate(definition)).toThrow(/malformed placeholder|not a declared/);
  });

  it('refuses declaring the built-in publicUrl, a parameter twice, or a bad parameter name', () => {
    expect(() => defineMailTemplate({ ...valid, params: ['firstName', 'resetUrl', 'publicUrl'] })).toThrow('built in');
    expect(() => defineMailTemplate({ ...valid, params: ['firstName', 'resetUrl', 'firstName'] })).toThrow('declared twice');
    expect(() => defineMailTemplate({ ...valid, params: ['first-name', 'resetUrl'] })).toThrow('camelCase');
  });

  it('accepts the built-in publicUrl without declaring it, as a link', () => {
    const template = defineMailTemplate(withHtml('<a href="{{publicUrl}}">Guichet</a>'));
    expect(template.urlParams).toEqual(['resetUrl', 'publicUrl']);
  });

  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['a style sheet', '<style>p{}</style>'],
    ['a form', '<form action="x"></form>'],
    ['an unquoted attribute value', '<a title={{firstName}}>x</a>'],
    ['a single-quoted attribute value', "<a title='{{firstName}}'>x</a>"],
    ['an event handler attribute', '<a onclick="{{firstName}}">x</a>'],
    ['a style attribute', '<p style="{{firstName}}">x</p>'],
    ['the middle of a link', '<a href="https://example.org/?n={{firstName}}">x</a>'],
    ['a tag name', '<{{firstName}}>'],
  ])('refuses html with %s', (_label, html) => {
    expect(() => defineMailTemplate(withHtml(html))).toThrow(InvalidMailTemplate);
  });

  it('accepts a value in a double-quoted attribute that is not a link', () => {
    expect(() => defineMailTemplate(withHtml('<abbr title="{{firstName}}">P.</abbr>'))).not.toThrow();
  });

  it('ships test.ping with a link parameter', () => {
    expect(TestPingMail.params).toEqual(['name', 'link']);
    expect(TestPingMail.urlParams).toEqual(['link']);
  });
});

describe('MailTemplateRegistry', () => {
  it('finds registered templates and names the missing one', () => {
    const registry = new MailTemplateRegistry([TestPingMail]);
    expect(registry.get('test.ping')).toBe(TestPingMail);
    expect(() => registry.get('accounts.nope')).toThrow(UnknownMailTemplate);
    expect(() => registry.get('accounts.nope')).toThrow('"accounts.nope" is not registered');
  });

  it('accepts the same template twice but not two templates under one name', () => {
    const registry = new MailTemplateRegistry([TestPingMail]);
    registry.register([TestPingMail]);
    expect(registry.names()).toEqual(['test.ping']);
    const impostor = defineMailTemplate({ ...valid, name: 'test.ping' });
    expect(() => registry.register([impostor])).toThrow('Two different mail templates are named "test.ping"');
  });
});
