import { useState, type FormEvent } from 'react';
import type { ConnectionStatus } from '../../../../shared/domain/connection';
import type { ProfileView } from '../../../../shared/domain/profile';
import { ApiError, describeError } from '../../api/errors';
import { useAppInfo, useSaveProfile, useTestConnection } from '../../api/profiles';
import { checkProfileForm, type FieldErrors, type ProfileFormValues } from './profile-form-validation';
import { TextField } from './TextField';
import { ConnectionResult } from './ConnectionResult';
import { DeleteProfile } from './DeleteProfile';

interface ProfileFormProps {
  /** The saved profile being edited, or null for a new ImageKit-account profile. */
  profile: ProfileView | null;
  /** A result to show on arrival (the connection check that followed a save). */
  notice: ConnectionStatus | null;
  onSaved(profile: ProfileView, connection: ConnectionStatus): void;
  onDeleted(): void;
}

function initialValues(profile: ProfileView | null): ProfileFormValues {
  // The private key is write-only: it is never sent to this window, so the field always starts empty.
  return { name: profile?.name ?? '', urlEndpoint: profile?.urlEndpoint ?? '', publicKey: profile?.publicKey ?? '', privateKey: '' };
}

function privateKeyHint(profile: ProfileView | null, keychain: 'available' | 'unavailable' | undefined): string {
  if (profile?.hasPrivateKey) {
    const where = profile.keyStorage === 'session' ? 'kept for this run only' : 'stored in the system keychain';
    return `A key ending ${profile.keyHint} is ${where}. Leave this empty to keep it.`;
  }
  if (keychain === 'unavailable') {
    return 'This computer has no system keychain: MediaDesk will ask before keeping the key for this run only.';
  }
  return 'Stored in the system keychain, never shown again.';
}

export function ProfileForm({ profile, notice, onSaved, onDeleted }: ProfileFormProps) {
  const [values, setValues] = useState(() => initialValues(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ConnectionStatus | ApiError | null>(notice);
  const [keychainRefused, setKeychainRefused] = useState<string | null>(null);
  const save = useSaveProfile();
  const test = useTestConnection();
  const keychain = useAppInfo().data?.keychain;
  const isLocal = profile?.kind === 'local';
  const existing = profile ? { id: profile.id, hasPrivateKey: profile.hasPrivateKey } : null;
  const busy = save.isPending || test.isPending;

  const setField = (field: keyof ProfileFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function runTest() {
    setResult(null);
    let target;
    if (isLocal && profile) {
      target = { id: profile.id };
    } else {
      const check = checkProfileForm(values, existing);
      // A connection test does not need a name; every other field must be right first.
      const fieldErrors = check.ok ? {} : { ...check.errors, name: undefined };
      if (Object.values(fieldErrors).some(Boolean)) {
        setErrors(fieldErrors);
        return;
      }
      target = {
        draft: {
          ...(profile ? { id: profile.id } : {}),
          urlEndpoint: values.urlEndpoint,
          publicKey: values.publicKey,
          ...(values.privateKey.trim() ? { privateKey: values.privateKey } : {}),
        },
      };
    }
    try {
      setResult(await test.mutateAsync(target));
    } catch (error) {
      setResult(error instanceof ApiError ? error : new ApiError('INTERNAL', describeError(error), 'profiles.testConnection'));
    }
  }

  async function submit(keyStorage?: 'session') {
    const check = checkProfileForm(values, existing);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setResult(null);
    setKeychainRefused(null);
    try {
      // A profile whose key is already kept for this run only stays that way: the person chose it.
      const storage = keyStorage ?? (profile?.keyStorage === 'session' ? 'session' : undefined);
      const draft = { ...check.draft, ...(storage ? { keyStorage: storage } : {}) };
      const saved = await save.mutateAsync(draft);
      setValues((v) => ({ ...v, privateKey: '' }));
      setResult(saved.connection);
      onSaved(saved.profile, saved.connection);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'KEYCHAIN_UNAVAILABLE') setKeychainRefused(error.message);
      else setResult(error instanceof ApiError ? error : new ApiError('INTERNAL', describeError(error), 'profiles.save'));
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!isLocal) void submit();
  }

  return (
    <form className="profile-form" aria-label={profile ? `Edit ${profile.name}` : 'New profile'} onSubmit={onSubmit} noValidate>
      {isLocal && (
        <p className="muted">
          The Local library runs inside MediaDesk on this computer. Its address and keys are managed for you.
        </p>
      )}
      <TextField label="Name" value={values.name} onChange={setField('name')} error={errors.name} readOnly={isLocal} autoFocus={!isLocal} />
      <TextField
        label="URL endpoint"
        value={values.urlEndpoint}
        onChange={setField('urlEndpoint')}
        error={errors.urlEndpoint}
        readOnly={isLocal}
        placeholder="https://ik.imagekit.io/your_imagekit_id"
        inputMode="url"
      />
      {!isLocal && (
        <>
          <TextField label="Public key" value={values.publicKey} onChange={setField('publicKey')} error={errors.publicKey} autoComplete="off" />
          <TextField
            label="Private key"
            type="password"
            value={values.privateKey}
            onChange={setField('privateKey')}
            error={errors.privateKey}
            hint={privateKeyHint(profile, keychain)}
            autoComplete="off"
          />
        </>
      )}
      {keychainRefused && (
        <div role="alert" className="form-alert">
          <p>{keychainRefused}</p>
          <button type="button" onClick={() => void submit('session')} disabled={busy}>
            Keep the key for this run only
          </button>
        </div>
      )}
      <ConnectionResult result={result} pending={busy} />
      <div className="form-actions">
        <button type="button" onClick={() => void runTest()} disabled={busy}>
          Test connection
        </button>
        {!isLocal && (
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        )}
      </div>
      {profile && !isLocal && <DeleteProfile profile={profile} onDeleted={onDeleted} />}
    </form>
  );
}
