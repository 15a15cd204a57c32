import { expect, test } from '@playwright/test';
import { createConfirmedMember, expectSignedInAs, linkIn, signInThroughPage, strongPassword, uniqueEmail, waitForMail } from '../support/accounts';
import { expectNoAxeViolations } from '../support/page-checks';

test.describe('« J’ai oublié mon mot de passe »', () => {
  test('by e-mail: the mailed link sets a new password, then « Retourner à l’écran de connexion » and sign in', async ({ page, request }) => {
    const email = uniqueEmail('oubli');
    const oldPassword = strongPassword('ancien');
    const newPassword = strongPassword('nouveau');
    await createConfirmedMember(request, email, oldPassword);

    await page.goto('/compte/connexion');
    await page.getByRole('link', { name: 'J’ai oublié mon mot de passe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('J’ai oublié mon mot de passe');
    await expectNoAxeViolations(page);
    await page.getByLabel('Courriel', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Demander un nouveau mot de passe' }).click();
    await expect(page.getByRole('status')).toContainText('Si un compte correspond');

    // Mail #1 was the registration's confirmation; #2 is the reset link (never a password).
    const mail = await waitForMail(email, 2);
    expect(mail.text).not.toContain(oldPassword);
    await page.goto(linkIn(mail, '/compte/nouveau-mot-de-passe'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouveau mot de passe');
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page);
    await page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await page.getByLabel('Confirmer le mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('status')).toContainText('Votre mot de passe est changé');

    await page.getByRole('link', { name: 'Retourner à l’écran de connexion' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');

    // The old password no longer works; the error is shown and the identifier kept.
    await page.getByLabel('Nom d’utilisateur ou courriel').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(oldPassword);
    await page.getByRole('button', { name: 'Connexion', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel('Nom d’utilisateur ou courriel')).toHaveValue(email);

    await signInThroughPage(page, email, newPassword);
    await expectSignedInAs(page, email);
  });

  test('the answer is the same for an address with no account', async ({ page }) => {
    await page.goto('/compte/mot-de-passe-oublie');
    await page.getByLabel('Courriel', { exact: true }).fill(uniqueEmail('personne'));
    await page.getByRole('button', { name: 'Demander un nouveau mot de passe' }).click();
    await expect(page.getByRole('status')).toContainText('Si un compte correspond');
  });
});
