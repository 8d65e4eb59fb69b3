import { useActivateProfile, useProfiles } from '../../api/profiles';
import { describeError } from '../../api/errors';
import { useUiStore } from '../../app/ui-store';
import './shell.css';

/** The "Profiles" navigation: one entry per profile, the active one marked with aria-current. */
export function Sidebar() {
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const openProfileDialog = useUiStore((s) => s.openProfileDialog);

  return (
    <nav className="sidebar" aria-label="Profiles">
      <h2 className="sidebar-heading" id="profiles-heading">
        Profiles
      </h2>
      {profiles.isPending && <p className="muted">Loading profiles…</p>}
      {profiles.isError && <p role="alert">Could not load profiles: {describeError(profiles.error)}</p>}
      {profiles.data && (
        <ul className="profile-list" aria-labelledby="profiles-heading">
          {profiles.data.map((profile) => (
            <li key={profile.id} className="profile-item">
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
                <span className="profile-name" id={`profile-name-${profile.id}`}>
                  {profile.name}
                </span>
                <span className="profile-kind" id={`profile-kind-${profile.id}`}>
                  {profile.kind === 'local' ? 'Local library' : 'ImageKit account'}
                </span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Edit ${profile.name}`}
                title={`Edit ${profile.name}`}
                onClick={() => openProfileDialog(profile.id)}
              >
                ✎
              </button>
            </li>
          ))}
        </ul>
      )}
      {activate.isError && <p role="alert">Could not switch profile: {describeError(activate.error)}</p>}
      <button type="button" className="sidebar-manage" onClick={() => openProfileDialog(null)}>
        New profile…
      </button>
    </nav>
  );
}
