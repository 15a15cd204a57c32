import { expect, test } from '@playwright/test';
import { uniqueEmail } from '../support/accounts';
import { chooseLanguageBeforeLoad } from '../support/page-checks';

test.describe('account pages follow the chosen language', () => {
  test('the API’s refusal comes in the UI’s language (Accept-Language follows the switch)', async ({ page }) => {
    const login = uniqueEmail('langue');
    const refusal = async (previous = ''): Promise<string> => {
      await page.getByLabel(/Nom d’utilisateur ou courriel|Username or email/).fill(login);
      await page.getByLabel(/^(Mot de passe|Password)$/).fill('Pas-le-bon-mot-de-passe-1');
      await page.getByRole('button', { name: /^(Connexion|Sign in)$/ }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      // The earlier message stays until the new answer replaces it.
      if (previous) await expect(alert).not.toHaveText(previous);
      return (await alert.textContent())?.trim() ?? '';
    };

    await chooseLanguageBeforeLoad(page, 'fr');
    await page.goto('/compte/connexion');
    const french = await refusal();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page).toHaveTitle('Sign in · Guichet');
    const english = await refusal(french);

    expect(french).not.toBe('');
    expect(english).not.toBe('');
  });
});
