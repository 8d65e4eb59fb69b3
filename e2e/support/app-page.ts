import { expect, type Locator, type Page } from '@playwright/test';

export interface AccountFields {
  name: string;
  urlEndpoint: string;
  publicKey: string;
  privateKey: string;
}

/** The MediaDesk window as a person sees it, located by role and accessible name only. */
export class AppPage {
  readonly sidebar: Locator;
  readonly status: Locator;
  readonly dialog: Locator;
  readonly testResult: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Profiles' });
    this.status = page.getByRole('status', { name: 'Connection status' });
    this.dialog = page.getByRole('dialog', { name: 'Profile' });
    this.testResult = this.dialog.getByRole('status', { name: 'Test result' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('[data-app-state="loaded"]')).toBeVisible();
  }

  profile(name: string): Locator {
    return this.sidebar.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async openNewProfile(): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'New profile…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async editProfile(name: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    await expect(this.dialog.getByText(`Editing “${name}”`)).toBeVisible();
  }

  async fill(fields: Partial<AccountFields>): Promise<void> {
    if (fields.name !== undefined) await this.field('Name').fill(fields.name);
    if (fields.urlEndpoint !== undefined) await this.field('URL endpoint').fill(fields.urlEndpoint);
    if (fields.publicKey !== undefined) await this.field('Public key').fill(fields.publicKey);
    if (fields.privateKey !== undefined) await this.field('Private key').fill(fields.privateKey);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async testConnection(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Test connection' }).click();
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async activate(name: string): Promise<void> {
    await this.profile(name).click();
    await expect(this.profile(name)).toHaveAttribute('aria-current', 'true');
  }
}
