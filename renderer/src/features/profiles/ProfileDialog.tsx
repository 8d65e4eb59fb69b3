import { useState } from 'react';
import type { ConnectionStatus } from '../../../../shared/domain/connection';
import { useProfiles } from '../../api/profiles';
import { useUiStore } from '../../app/ui-store';
import { Modal } from '../../ui/Modal';
import { ProfileForm } from './ProfileForm';
import './profiles.css';

/** The "Profile" dialog: add an ImageKit account, edit or test a profile, delete one. */
export function ProfileDialog() {
  const open = useUiStore((s) => s.profileDialogOpen);
  const editingId = useUiStore((s) => s.editingProfileId);
  const editProfile = useUiStore((s) => s.editProfile);
  const close = useUiStore((s) => s.closeProfileDialog);
  const profiles = useProfiles();
  // The check that followed a save, shown once the form reopens on the saved profile.
  const [notice, setNotice] = useState<{ profileId: string; status: ConnectionStatus } | null>(null);

  if (!open) return null;
  const profile = editingId ? (profiles.data?.find((p) => p.id === editingId) ?? null) : null;
  const missing = editingId !== null && profiles.data !== undefined && profile === null;

  return (
    <Modal labelledBy="profile-dialog-title" onClose={close}>
      <header className="modal-header">
        <h2 id="profile-dialog-title">Profile</h2>
        <button type="button" onClick={() => { setNotice(null); editProfile(null); }}>
          Add profile
        </button>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          ✕
        </button>
      </header>
      <p className="modal-subtitle">{profile ? `Editing “${profile.name}”` : 'New ImageKit account'}</p>
      {missing ? (
        <p role="alert">This profile no longer exists.</p>
      ) : editingId && !profile ? (
        <p className="muted">Loading profile…</p>
      ) : (
        <ProfileForm
          key={profile?.id ?? 'new'}
          profile={profile}
          notice={notice && profile && notice.profileId === profile.id ? notice.status : null}
          onSaved={(saved, connection) => {
            setNotice({ profileId: saved.id, status: connection });
            editProfile(saved.id);
          }}
          onDeleted={() => {
            setNotice(null);
            editProfile(null);
          }}
        />
      )}
    </Modal>
  );
}
