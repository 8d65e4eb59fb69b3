import { ProfileDraft, type ParsedProfileDraft } from '../../../../shared/domain/profile';

/** What the Profile dialog's fields hold while a person types. */
export interface ProfileFormValues {
  name: string;
  urlEndpoint: string;
  publicKey: string;
  /** Write-only: empty means "keep the stored key" when one exists. */
  privateKey: string;
}

export type ProfileField = keyof ProfileFormValues;
export type FieldErrors = Partial<Record<ProfileField, string>>;

export type FormCheck = { ok: true; draft: ParsedProfileDraft } | { ok: false; errors: FieldErrors };

const fields: readonly ProfileField[] = ['name', 'urlEndpoint', 'publicKey', 'privateKey'];

/**
 * Validates the form with the contract's own schema (so the renderer and the main side agree on
 * every rule and every message), plus the one rule only the form knows: a profile without a stored
 * key needs one typed in.
 */
export function checkProfileForm(
  values: ProfileFormValues,
  existing: { id: string; hasPrivateKey: boolean } | null,
): FormCheck {
  const candidate = {
    ...(existing ? { id: existing.id } : {}),
    name: values.name,
    urlEndpoint: values.urlEndpoint,
    publicKey: values.publicKey,
    ...(values.privateKey.trim() ? { privateKey: values.privateKey } : {}),
  };
  const errors: FieldErrors = {};
  const parsed = ProfileDraft.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
        errors[field as ProfileField] ??= issue.message;
      }
    }
  }
  if (!values.privateKey.trim() && !existing?.hasPrivateKey) {
    errors.privateKey ??= 'Private key is empty. Copy it from the ImageKit dashboard (Developer options).';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: parsed.data };
}
