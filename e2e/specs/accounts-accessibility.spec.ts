import { expect, test } from '@playwright/test';
import { chooseLanguageBeforeLoad, expectNoAxeViolations, expectVisibleFocus } from '../support/page-checks';

const PAGES = [
  { path: '/compte/connexion', heading: { fr: 'Connexion', en: 'Sign in' } },
  { path: '/compte/inscription', heading: { fr: 'Inscription', en: 'Sign up' } },
  { path: '/compte/mot-de-passe-oublie', heading: { fr: 'J’ai oublié mon mot de passe', en: 'I forgot my password' } },
  { path: '/compte/nouveau-mot-de-passe', heading: { fr: 'Nouveau mot de passe', en: 'New password' } },
  { path: '/compte/confirmer', heading: { fr: 'Confirmation du courriel', en: 'Email confirmation' } },
  { path: '/admin/compte/connexion', heading: { fr: 'Connexion du personnel', en: 'Staff sign-in' } },
] as const;

test.describe('account pages: axe-core finds no violation', () => {
  for (const { path, heading } of PAGES) {
    for (const language of ['fr', 'en'] as const) {
      test(`${path}, ${language}`, async ({ page }) => {
        await chooseLanguageBeforeLoad(page, language);
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading[language]);
        await expectNoAxeViolations(page);
      });
    }
  }

  test('the sign-in page with its errors shown', async ({ page }) => {
    await page.goto('/compte/connexion');
    await page.getByRole('button', { name: 'Connexion', exact: true }).click();
    await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('account pages: keyboard alone', () => {
  test('« Connexion » in the banner, then the sign-in form, can be used with Tab and Enter; errors take the focus', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue au Guichet');
    const signIn = page.getByRole('banner').getByRole('link', { name: 'Connexion' });
    for (let presses = 0; presses < 6; presses++) {
      await page.keyboard.press('Tab');
      if (await signIn.evaluate((element) => element === document.activeElement)) break;
    }
    await expectVisibleFocus(signIn);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');

    const login = page.getByLabel('Nom d’utilisateur ou courriel');
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      if (await login.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(login).toBeFocused();
    await page.keyboard.type('personne@exemple.test');
    await page.keyboard.press('Enter');
    // The empty password is the first problem: focus lands there, its message tied to it.
    const password = page.getByLabel('Mot de passe', { exact: true });
    await expect(password).toBeFocused();
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`)).toHaveText('Ce champ est obligatoire.');

    await page.keyboard.type('Pas-le-bon-mot-de-passe-1');
    await page.keyboard.press('Enter');
    // Refused by the API: the message above the form takes the focus; the identifier is kept.
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(login).toHaveValue('personne@exemple.test');

    // « J'ai oublié mon mot de passe » is reachable too.
    const forgot = page.getByRole('link', { name: 'J’ai oublié mon mot de passe' });
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      if (await forgot.evaluate((element) => element === document.activeElement)) break;
    }
    await expectVisibleFocus(forgot);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('J’ai oublié mon mot de passe');
  });
});
