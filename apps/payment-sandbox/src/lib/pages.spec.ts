import { cardPage, contentSecurityPolicy, escapeHtml, formatAmount } from './pages';

describe('sandbox pages', () => {
  const params = {
    pk: 'pk_test',
    amount: 1234,
    currency: 'CAD',
    lang: 'fr' as const,
    reference: 'pay-1',
    returnUrl: 'http://localhost:3000/factures/1/carte?x=1',
    cancelUrl: 'https://guichet.test/factures/1?annule=1',
  };

  it('formats amounts the French and the English way', () => {
    expect(formatAmount(1234, 'fr')).toBe('12,34 $');
    expect(formatAmount(123456705, 'fr')).toBe('1 234 567,05 $');
    expect(formatAmount(1234, 'en')).toBe('$12.34');
    expect(formatAmount(123456705, 'en')).toBe('$1,234,567.05');
  });

  it('escapes what it prints', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('allows no script and sends forms only to itself and the merchant origins', () => {
    const csp = contentSecurityPolicy([params.returnUrl, params.cancelUrl, 'http://localhost:3000/other']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:3000 https://guichet.test;");
    expect(csp).not.toContain('script-src');
  });

  it('labels every field in French, with the amount on the button', () => {
    const html = cardPage(params);
    expect(html).toContain('<html lang="fr">');
    for (const [id, label] of [
      ['card-number', 'Numéro de carte'],
      ['card-exp', 'Expiration (MM/AA)'],
      ['card-cvc', 'CVC'],
      ['card-name', 'Nom sur la carte'],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toMatch(new RegExp(`<input type="text" id="${id}"`));
    }
    expect(html).toContain('>Payer 12,34 $</button>');
    expect(html).toContain('>Annuler</button>');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost:3000|guichet\.test)/);
  });

  it('speaks English when asked', () => {
    const html = cardPage({ ...params, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="card-exp">Expiry (MM/YY)</label>');
    expect(html).toContain('>Pay $12.34</button>');
  });

  it('ties each error to its field, and focuses the first one', () => {
    const html = cardPage(params, { values: { number: '4242', exp: '01/20' }, errors: { number: 'number-invalid', exp: 'exp-past' } });
    expect(html).toMatch(/<input type="text" id="card-number"[^>]*aria-describedby="card-number-error" aria-invalid="true" autofocus/);
    expect(html).toContain('<p class="field-error" id="card-number-error">Ce numéro de carte n’est pas valide : vérifiez-le.</p>');
    expect(html).toMatch(/<input type="text" id="card-exp"[^>]*aria-describedby="card-exp-error" aria-invalid="true" inputmode/);
    expect(html).toContain('<p class="field-error" id="card-exp-error">Cette carte est expirée.</p>');
    expect(html).toMatch(/<input type="text" id="card-cvc"[^>]*aria-describedby="card-cvc-hint" inputmode/);
    expect(html).toContain('<title>Erreur : Paiement par carte — 12,34 $</title>');
    expect(html).toContain('<a href="#card-number">');
  });
});
