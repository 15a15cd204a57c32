import { escapeHtml } from './escape-html';
import { checkMailParams, InvalidMailParams, renderMail } from './render-mail';
import { TestPingMail } from './test-ping.mail-template';

const context = { publicUrl: 'https://guichet.example.org' };
const hostile = `<img src=x onerror="alert('x')"> & co`;

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('Élodie Côté')).toBe('Élodie Côté');
  });
});

describe('renderMail', () => {
  it('renders French with the French layout', () => {
    const mail = renderMail(TestPingMail, 'fr', { name: 'Ana', link: 'https://guichet.example.org/essai?t=abc' }, context);
    expect(mail.lang).toBe('fr');
    expect(mail.subject).toBe('Essai de courriel pour Ana');
    expect(mail.text).toContain('Bonjour Ana,');
    expect(mail.text).toContain('Lien : https://guichet.example.org/essai?t=abc');
    expect(mail.text).toContain('-- \nGuichet\nCe courriel vous a été envoyé automatiquement');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('<title>Essai de courriel pour Ana</title>');
    expect(mail.html).toContain('<a href="https://guichet.example.org/essai?t=abc">Ouvrir le lien d’essai</a>');
    expect(mail.html).toContain('aria-roledescription="courriel"');
    expect(mail.html).toContain('Merci de ne pas y répondre.');
  });

  it('renders English with the English layout', () => {
    const mail = renderMail(TestPingMail, 'en', { name: 'Ana', link: 'https://x.example.org/' }, context);
    expect(mail.subject).toBe('Test email for Ana');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('Please do not reply to it.');
    expect(mail.html).not.toContain('Bonjour');
    expect(mail.text).toContain('Hello Ana,');
  });

  it('escapes values in the HTML (body, title and label) but keeps them as they are in the text', () => {
    const mail = renderMail(TestPingMail, 'en', { name: hostile, link: 'https://x.example.org/?a=1&b="2"' }, context);
    const escaped = '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co';
    expect(mail.html).toContain(`<p>Hello ${escaped},</p>`);
    expect(mail.html).toContain(`<title>Test email for ${escaped}</title>`);
    expect(mail.html).toContain('href="https://x.example.org/?a=1&amp;b=&quot;2&quot;"');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain(`Hello ${hostile},`);
    expect(mail.subject).toBe(`Test email for ${hostile}`);
  });

  it('puts values in once: a value that looks like a placeholder stays as it is', () => {
    const mail = renderMail(TestPingMail, 'en', { name: '{{link}} {{publicUrl}}', link: 'https://x.example.org/' }, context);
    expect(mail.subject).toBe('Test email for {{link}} {{publicUrl}}');
  });

  it('keeps the subject on one line (no header injection)', () => {
    const mail = renderMail(TestPingMail, 'en', { name: 'Ana\r\nBcc: victim@example.org', link: 'https://x.example.org/' }, context);
    expect(mail.subject).toBe('Test email for Ana Bcc: victim@example.org');
  });

  it('renders numbers', () => {
    expect(renderMail(TestPingMail, 'fr', { name: 42, link: 'https://x.example.org/' }, context).subject).toBe('Essai de courriel pour 42');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', '/relative/path', 'mailto:a@example.org', 'not a url'])(
    'refuses %s where a link goes',
    (link) => {
      expect(() => renderMail(TestPingMail, 'en', { name: 'Ana', link }, context)).toThrow('parameter "link" opens a link and must be an absolute http(s) URL');
    },
  );
});

describe('checkMailParams', () => {
  it('names missing and unexpected parameters but never a value', () => {
    expect(() => checkMailParams(TestPingMail, { name: 'secret-value' })).toThrow('missing parameters: link');
    const unexpected = () => checkMailParams(TestPingMail, { name: 'Ana', link: 'https://x.example.org/', token: 'secret-value' });
    expect(unexpected).toThrow(InvalidMailParams);
    expect(unexpected).toThrow('unexpected parameters: token');
    expect(messageOf(unexpected)).not.toContain('secret-value');
  });

  it.each([null, undefined, NaN, Infinity, { a: 1 }, true])('refuses the value %p', (value) => {
    expect(() => checkMailParams(TestPingMail, { name: value, link: 'https://x.example.org/' })).toThrow('parameter "name" must be a string or a finite number');
  });
});

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}
