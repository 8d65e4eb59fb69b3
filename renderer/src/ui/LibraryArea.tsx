import type { ReactNode } from 'react';
import { useActiveProfile } from '../api/profiles';
import './library-area.css';

export interface LibrarySlots {
  /** Folder tree (a `tree` named "Folders"), issue 5. */
  folders?: ReactNode;
  /** Files grid / list (a `grid` named "Files"), issue 5. */
  files?: ReactNode;
  /** Details panel (a `complementary` named "Details"), issue 5. */
  details?: ReactNode;
}

/**
 * The main area: three slots laid out side by side. Features fill them through AppFrame's props;
 * until they exist the area says which library is open.
 */
export function LibraryArea({ folders, files, details }: LibrarySlots = {}) {
  const active = useActiveProfile();
  const empty = !folders && !files && !details;
  return (
    <div className="library-area">
      {empty ? (
        <div className="library-placeholder">
          <h1>{active ? active.name : 'MediaDesk'}</h1>
          <p className="muted">{active ? active.urlEndpoint : 'Choose or add a profile to open a library.'}</p>
        </div>
      ) : (
        <>
          <div className="library-slot library-slot-folders">{folders}</div>
          <div className="library-slot library-slot-files">{files}</div>
          {details && <div className="library-slot library-slot-details">{details}</div>}
        </>
      )}
    </div>
  );
}
