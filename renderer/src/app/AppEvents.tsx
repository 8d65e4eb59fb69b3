import { usePurgeEvents } from '../api/purge';

/**
 * Pushes from the main side that must reach the cache whichever view is open: a rename, restore or
 * overwrite made in the Library suggests a purge while the Purge view is not mounted, and its list
 * has to be current the moment that view opens.
 */
export function AppEvents() {
  usePurgeEvents();
  return null;
}
