import { Cloud, HardDrive, Pencil, Plus } from 'lucide-react';
import { useActivateProfile, useProfiles } from '../../api/profiles';
import { describeError } from '../../api/errors';
import { useUiStore } from '../../app/ui-store';
import { IconButton } from '../../ui/controls/IconButton';
import { Tooltip } from '../../ui/controls/Tooltip';

/** The "Profiles" navigation in the top bar: one chip per profile (the active one marked with aria-current). */
export function ProfilesNav() {
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const openProfileDialog = useUiStore((s) => s.openProfileDialog);

  return (
    <nav className="profiles-nav" aria-label="Profiles">
      <h2 className="visually-hidden" id="profiles-heading">
        Profiles
      </h2>
      {profiles.isPending && <span className="muted">Loading profiles…</span>}
      {profiles.isError && <span role="alert">Could not load profiles: {describeError(profiles.error)}</span>}
      {profiles.data && (
        <ul className="profile-list" aria-labelledby="profiles-heading">
          {profiles.data.map((profile) => {
            const KindIcon = profile.kind === 'local' ? HardDrive : Cloud;
            return (
              <li key={profile.id} className="profile-item">
                <Tooltip content={profile.urlEndpoint}>
                  <button
                    type="button"
                    className="profile-switch"
                    aria-current={profile.active ? 'true' : undefined}
                    aria-labelledby={`profile-name-${profile.id}`}
                    aria-describedby={`profile-kind-${profile.id}`}
                    disabled={activate.isPending}
                    onClick={() => {
                      if (!profile.active) activate.mutate(profile.id);
                    }}
                  >
                    <KindIcon aria-hidden="true" className="profile-kind-icon" />
                    <span className="profile-name" id={`profile-name-${profile.id}`}>
                      {profile.name}
                    </span>
                    <span className="visually-hidden" id={`profile-kind-${profile.id}`}>
                      {profile.kind === 'local' ? 'Local library' : 'ImageKit account'}
                    </span>
                  </button>
                </Tooltip>
                <IconButton size="sm" label={`Edit ${profile.name}`} className="profile-edit" onClick={() => openProfileDialog(profile.id)}>
                  <Pencil />
                </IconButton>
              </li>
            );
          })}
        </ul>
      )}
      {activate.isError && <span role="alert">Could not switch profile: {describeError(activate.error)}</span>}
      <IconButton size="sm" label="New profile…" tooltip="Connect an ImageKit account" onClick={() => openProfileDialog(null)}>
        <Plus />
      </IconButton>
    </nav>
  );
}
