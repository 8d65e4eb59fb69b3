import { useState } from 'react';
import type { ConnectionStatus } from '../../../../shared/domain/connection';
import { useProfiles } from '../../api/profiles';
import { useUiStore } from '../../app/ui-store';
import { Plus, X } from 'lucide-react';
import { Modal } from '../../ui/Modal';
import { Button } from '../../ui/controls/Button';
import { IconButton } from '../../ui/controls/IconButton';
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
        <Button size="sm" variant="quiet" icon={<Plus />} onClick={() => { setNotice(null); editProfile(null); }}>
          Add profile
        </Button>
        <IconButton label="Close" shortcut="Escape" onClick={close}>
          <X />
        </IconButton>
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
