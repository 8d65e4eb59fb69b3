import { useState } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile';
import { describeError } from '../../api/errors';
import { useDeleteProfile } from '../../api/profiles';

/** Two-step delete: the first click asks, the second removes the profile and its stored key. */
export function DeleteProfile({ profile, onDeleted }: { profile: ProfileView; onDeleted(): void }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteProfile();

  if (!asking) {
    return (
      <div className="form-actions form-actions-secondary">
        <button type="button" onClick={() => setAsking(true)}>
          Delete profile…
        </button>
      </div>
    );
  }
  return (
    <div className="delete-confirm" role="group" aria-label="Confirm delete">
      <p>
        Delete “{profile.name}”? Its stored private key is removed too. Files in ImageKit are not touched.
      </p>
      {remove.isError && <p role="alert">Could not delete: {describeError(remove.error)}</p>}
      <div className="form-actions">
        <button type="button" onClick={() => setAsking(false)} disabled={remove.isPending}>
          Keep profile
        </button>
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(profile.id, { onSuccess: onDeleted })}
        >
          Delete {profile.name}
        </button>
      </div>
    </div>
  );
}
